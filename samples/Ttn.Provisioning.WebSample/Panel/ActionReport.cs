using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.WebSample.Panel;

/// <summary>What the panel shows after an action: its outcome, why, and the per-resource report when there is one.</summary>
public sealed record ActionReport(string Title, bool Succeeded, string Outcome, string? Message)
{
    /// <summary>One line per resource touched (start fresh, deep clean) or per warning.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>The usual report of an operation's result: its outcome, the denial's reason or the error.</summary>
    public static ActionReport Of(string title, OperationResult result, IEnumerable<string>? lines = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var message = result.Outcome switch
        {
            ProvisioningOutcome.Denied => result.Denial?.Reason ?? "Your role may not do this.",
            ProvisioningOutcome.UseStartFresh => Describe(result.Error) + " Retrying cannot help: use Start fresh.",
            _ => result.Error is null ? null : Describe(result.Error),
        };
        return new ActionReport(title, result.Outcome == ProvisioningOutcome.Succeeded, result.Outcome.ToString(), message)
        {
            Lines = [.. lines ?? [], $"{result.TtsRequestCount} request(s) to The Things Stack."],
        };
    }

    /// <summary>Start fresh: the clean-up's report, the new application id and the provisioning that followed.</summary>
    public static ActionReport Of(StartFreshResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = Resources(result.Cleanup).ToList();
        if (result.PreviousCluster is { } from && result.Cluster is { } to && from != to)
        {
            lines.Add($"Moved from cluster {from} to {to}");
        }

        if (result.NewApplicationId is not null)
        {
            lines.Add($"New application id: {result.NewApplicationId}");
        }

        if (result.Provisioning is { } again)
        {
            var error = again.Error is null ? "" : $" ({Describe(again.Error)})";
            lines.Add($"Provisioned again: {again.Outcome}, state {again.State}{error}");
        }

        return Of("Start fresh", result, lines);
    }

    /// <summary>Deep clean: one line per resource.</summary>
    public static ActionReport Of(DeepCleanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Of("Deep clean", result, Resources(result.Report));
    }

    /// <summary>Provision or retry: the state reached, the steps done and any warning.</summary>
    public static ActionReport Of(string title, ProvisioningResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Of(title, result, [$"State: {result.State}", .. result.Warnings]);
    }

    /// <summary>A connection test: one line per check.</summary>
    public static ActionReport Of(ConnectionTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Of("Test connection", result, result.Test?.Checks.Select(c => c.ToString()));
    }

    /// <summary>A settings update: the settings now stored, and whether TTS has confirmed them.</summary>
    public static ActionReport Of(TenantSettingsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var applied = result.SettingsPending ? "Pending on TTS" : "Applied on TTS";
        return Of("Settings", result, result.Settings is not { } settings ? null
            : [$"Enabled: {settings.Enabled}", $"Messages: {settings.Messages}", applied]);
    }

    /// <summary>A refusal by the sample itself (before the library is asked).</summary>
    public static ActionReport Refused(string title, string message) => new(title, false, "Refused", message);

    /// <summary>A step, the message, and TTS's error name and correlation id when TTS answered.</summary>
    public static string Describe(TenantError? error) => error is null ? "" : error.ToString();

    private static IEnumerable<string> Resources(CleanupReport report) =>
        report.Resources.Select(r =>
            $"{r.Kind} {r.Id}: {r.Status}{(r.Purged ? " (purged)" : "")}{(r.Reason is null ? "" : " - " + r.Reason)}");
}
