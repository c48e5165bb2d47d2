using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.WebSample.Fake;
using Ttn.Provisioning.WebSample.Panel;

namespace Ttn.Provisioning.WebSample.Pages;

/// <summary>The panel's actions: each is a POST form (with the antiforgery token Razor Pages adds and checks).</summary>
public sealed partial class IndexModel
{
    public Task<IActionResult> OnPostProvisionAsync(string? cluster, CancellationToken cancellationToken) =>
        ActAsync(async caller => ActionReport.Of("Provision",
            await provisioning.ProvisionAsync(caller, Chosen(cluster), cancellationToken)), cancellationToken);

    public Task<IActionResult> OnPostRetryAsync(CancellationToken cancellationToken) =>
        ActAsync(async caller => ActionReport.Of("Retry",
            await provisioning.RetryAsync(caller, cancellationToken: cancellationToken)), cancellationToken);

    public Task<IActionResult> OnPostStartFreshAsync(bool provisionAgain, string? cluster, CancellationToken cancellationToken) =>
        ActAsync(async caller => ActionReport.Of(
            await provisioning.StartFreshAsync(caller, provisionAgain, Chosen(cluster), cancellationToken)), cancellationToken);

    /// <summary>Tests the connection with the tenant's own key (read-only on TTS); the result is stored and shown by the status.</summary>
    public Task<IActionResult> OnPostTestConnectionAsync(CancellationToken cancellationToken) =>
        ActAsync(async caller => ActionReport.Of(await provisioning.TestConnectionAsync(caller, cancellationToken)), cancellationToken);

    /// <summary>Enables or disables the tenant and chooses the messages TTS sends (one masked webhook update).</summary>
    public Task<IActionResult> OnPostSettingsAsync(bool enabled, WebhookMessageTypes[]? messages, CancellationToken cancellationToken) =>
        ActAsync(async caller =>
        {
            var selected = (messages ?? []).Aggregate(WebhookMessageTypes.None, (all, kind) => all | kind);
            var update = new TenantSettingsUpdate { Enabled = enabled, Messages = selected };
            return ActionReport.Of(await provisioning.UpdateSettingsAsync(caller, update, cancellationToken));
        }, cancellationToken);

    public Task<IActionResult> OnPostDeepCleanAsync(string? confirmation, CancellationToken cancellationToken) =>
        ActAsync(async caller => confirmation?.Trim() != caller.TenantId
            ? ActionReport.Refused("Deep clean", $"Type the tenant id ({caller.TenantId}) to confirm: nothing was removed.")
            : ActionReport.Of(await provisioning.DeepCleanAsync(caller, cancellationToken)), cancellationToken);

    /// <summary>Reads the credentials in plain text (audited by the library); the answer shows them once and keeps nothing.</summary>
    public Task<IActionResult> OnPostRevealAsync(CancellationToken cancellationToken) =>
        ActAsync(async caller =>
        {
            var result = await provisioning.GetCredentialsAsync(caller, cancellationToken);
            Revealed = result.Credentials;
            return ActionReport.Of("Reveal credentials", result);
        }, cancellationToken);

    /// <summary>SAMPLE ONLY: arms a fault on the fake for the next run's requests to a step.</summary>
    public Task<IActionResult> OnPostInjectFaultAsync(string? step, int status, CancellationToken cancellationToken) =>
        ActAsync(caller =>
        {
            const string title = "Fault injection";
            var chosen = FaultableStep.Find(step);
            var report = !MayUseFake ? ActionReport.Refused(title, "Only on the fake, and only for roles that may provision.")
                : chosen is null || status is not (0 or 403 or 500 or 503) ? ActionReport.Refused(title, "Choose a step and a fault.")
                : Arm(chosen, status == 0 ? FakeFault.DropConnection() : FakeFault.Status(status), caller.UserId);
            return Task.FromResult(report);
        }, cancellationToken);

    /// <summary>SAMPLE ONLY: another account takes the application id the tenant is about to use.</summary>
    public Task<IActionResult> OnPostTakeApplicationIdAsync(CancellationToken cancellationToken) =>
        ActAsync(async caller =>
        {
            const string title = "Application id taken";
            var status = (await provisioning.GetStatusAsync(caller, cancellationToken)).Status;
            if (!MayUseFake || status is null || status.ApplicationId is not null)
            {
                return ActionReport.Refused(title, "Only on the fake, for roles that may provision, before the tenant has an application.");
            }

            var id = DerivedApplicationId(caller.TenantId);
            var failure = await Fake!.TakeApplicationIdAsync(id, cancellationToken);
            return failure is null
                ? new ActionReport(title, true, "Taken", $"Another account now owns application {id}: provision, then start fresh.")
                : ActionReport.Refused(title, failure);
        }, cancellationToken);

    /// <summary>SAMPLE ONLY: the fake's Application Server simulates an uplink and posts it to this sample's webhook receiver.</summary>
    public Task<IActionResult> OnPostSimulateAsync(string? device, CancellationToken cancellationToken) =>
        ActAsync(async caller =>
        {
            const string title = "Simulate uplink";
            var status = (await provisioning.GetStatusAsync(caller, cancellationToken)).Status;
            if (!MayUseFake || status is null)
            {
                return ActionReport.Refused(title, "Only on the fake, and only for roles that may provision.");
            }

            if (device is null || !DeviceId().IsMatch(device) || status.ApplicationId is null)
            {
                return ActionReport.Refused(title, status.ApplicationId is null
                    ? "The tenant has no application yet: provision it first."
                    : "A device id is 2 to 36 lower-case letters, digits and dashes.");
            }

            var failure = await Fake!.SimulateUplinkAsync(status.ApplicationId, device!, ClusterOf(status), cancellationToken);
            return failure is null
                ? new ActionReport(title, true, "Delivered", $"{device} sent an uplink; TTS posted it to this sample's receiver.")
                : ActionReport.Refused(title, failure);
        }, cancellationToken);

    /// <summary>A TTS end device id: 2 to 36 lower-case letters and digits, single dashes between them.</summary>
    [GeneratedRegex("^[a-z0-9](?:-?[a-z0-9]){1,35}$", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceId();

    private ActionReport Arm(FaultableStep step, FakeFault fault, string userId)
    {
        Fake!.Arm(step, fault, userId);
        return new ActionReport("Fault injection", true, "Armed", $"The next run's requests to {step.Label} answer {fault}.");
    }

    private static string ClusterOf(TenantStatus status) => status.Cluster ?? SampleFake.ClusterNames[0];

    /// <summary>The cluster chosen in a form; empty is "the tenant's own, or the default".</summary>
    private static string? Chosen(string? cluster) => string.IsNullOrWhiteSpace(cluster) ? null : cluster.Trim();
}
