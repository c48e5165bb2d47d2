using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.AspNetCore.Endpoints;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.WebSample.Demo;
using Ttn.Provisioning.WebSample.Fake;
using Ttn.Provisioning.WebSample.Live;
using Ttn.Provisioning.WebSample.Panel;

namespace Ttn.Provisioning.WebSample.Pages;

/// <summary>
/// The tenant's panel: status, credentials, actions, fault injection (fake only), live data. Every action calls the library
/// with the signed-in user's caller; the library's policy decides (a refused action shows its reason), and the page offers
/// only the buttons the policy allows that role.
/// </summary>
public sealed partial class IndexModel(
    IProvisioningService provisioning,
    IRolePolicyEvaluator policy,
    IOptions<TtnEndpointOptions> claims,
    IOptions<TtnProvisioningOptions> options,
    UplinkBook uplinks,
    IDeviceService devices,
    IGatewayService gateways,
    IServiceProvider services) : PageModel
{
    /// <summary>The signed-in caller.</summary>
    public ProvisioningCaller Caller { get; private set; } = null!;

    /// <summary>The demo user signed in (null for a principal the demo does not know).</summary>
    public DemoUser? SignedIn { get; private set; }

    /// <summary>The tenant's status; null when the status itself was denied.</summary>
    public TenantStatus? Status { get; private set; }

    /// <summary>Why the status could not be read, if it could not.</summary>
    public string? StatusProblem { get; private set; }

    /// <summary>The outcome of the action just taken.</summary>
    public ActionReport? Report { get; private set; }

    /// <summary>The plaintext credentials, only in the answer to Reveal (never kept).</summary>
    public TenantCredentials? Revealed { get; private set; }

    /// <summary>The tenant's history (newest first), for roles that may read it.</summary>
    public TenantHistoryResult? History { get; private set; }

    /// <summary>Why the history is not shown, if it is not.</summary>
    public string? HistoryProblem { get; private set; }

    /// <summary>The clusters the library is configured with; a choice is offered when there are several.</summary>
    public IReadOnlyList<string> Clusters { get; } = [.. options.Value.ThingsStack.Clusters.Keys];

    /// <summary>The fake, when the sample runs on it.</summary>
    public SampleFake? Fake { get; } = services.GetService<SampleFake>();

    /// <summary>The uplinks received for the tenant.</summary>
    public UplinkBook Uplinks { get; } = uplinks;

    /// <summary>Whether the caller's role may perform an operation (the library's policy).</summary>
    public bool May(ProvisioningOperation operation) => policy.Evaluate(Caller.Role, operation).IsAllowed;

    /// <summary>Whether the caller's role may see a secret in plain text.</summary>
    public bool MayReveal(SecretField field) => policy.MayReveal(Caller.Role, field);

    /// <summary>
    /// Whether the sample's toys (fault injection, simulated uplinks) are offered: on the fake, to whoever may provision.
    /// </summary>
    public bool MayUseFake => Fake is not null && May(ProvisioningOperation.Provision);

    /// <summary>
    /// SAMPLE ONLY: the application id the library derives for a demo tenant ({IdPrefix}-app-{tenant}; the demo tenant ids
    /// are already valid ids, so no hash is added).
    /// </summary>
    public string DerivedApplicationId(string tenantId) => $"{options.Value.IdPrefix}-app-{tenantId}";

    public async Task OnGetAsync(string? history, CancellationToken cancellationToken) => await LoadAsync(cancellationToken, history);

    /// <summary>The live-data section alone, for the page's polling script.</summary>
    public IActionResult OnGetLive()
    {
        Caller = SignedInCaller.Of(User, claims.Value) ?? throw new InvalidOperationException("Signed-in pages only.");
        Response.Headers.CacheControl = "no-store";
        return Partial("_Live", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken, string? historyPage = null)
    {
        Caller = SignedInCaller.Of(User, claims.Value) ?? throw new InvalidOperationException("Signed-in pages only.");
        SignedIn = DemoUsers.Find(Caller.UserId);
        var result = await provisioning.GetStatusAsync(Caller, cancellationToken);
        Status = result.Status;
        StatusProblem = result.Outcome == ProvisioningOutcome.Succeeded ? null : result.Denial?.Reason ?? result.Outcome.ToString();
        await LoadDevicesAsync(cancellationToken);
        if (!May(ProvisioningOperation.GetHistory))
        {
            HistoryProblem = "Your role may not read the history.";
            return;
        }

        try
        {
            History = await provisioning.GetHistoryAsync(Caller, 20, historyPage, cancellationToken);
        }
        catch (ArgumentException)
        {
            History = await provisioning.GetHistoryAsync(Caller, 20, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Runs an action for the signed-in caller, spends the faults it met, and shows the page with its report.</summary>
    private async Task<IActionResult> ActAsync(Func<ProvisioningCaller, Task<ActionReport>> action, CancellationToken cancellationToken)
    {
        Caller = SignedInCaller.Of(User, claims.Value) ?? throw new InvalidOperationException("Signed-in pages only.");
        try
        {
            Report = await action(Caller);
        }
        catch (ArgumentException refused)
        {
            // The library refuses malformed input (an unknown cluster, no message kind) before any request.
            Report = ActionReport.Refused("Not done", refused.Message);
        }
        finally
        {
            Fake?.DisarmSpent();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }
}
