namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>The body of a destructive request: the tenant id typed again, as confirmation.</summary>
internal class ConfirmationRequest
{
    /// <summary>The tenant id from the URL, typed again.</summary>
    public string? Confirm { get; set; }
}

/// <summary>The body of <c>POST …/start-fresh</c>.</summary>
internal sealed class StartFreshRequest : ConfirmationRequest
{
    /// <summary>Whether to provision again in the same call. Defaults to true.</summary>
    public bool ProvisionAgain { get; set; } = true;

    /// <summary>The cluster to move the tenant to (one the host configured); left out to keep its own.</summary>
    public string? Cluster { get; set; }
}

/// <summary>The body of <c>POST …/api-key-check</c>. Holds a secret: never logged, never echoed.</summary>
internal sealed class ApiKeyCheckRequest
{
    public string? ApplicationId { get; set; }

    public string? ApiKey { get; set; }
}

/// <summary>The body of <c>POST …/existing-application</c>. Holds a secret: never logged, never echoed.</summary>
internal sealed class ExistingApplicationRequest
{
    public string? ApplicationId { get; set; }

    public string? ApplicationApiKey { get; set; }
}

/// <summary>The body of <c>POST …/settings</c>: each value given is changed, each left out is kept.</summary>
internal sealed class SettingsRequest
{
    /// <summary>Enables (true) or disables (false) the tenant.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The messages TTS sends, by <see cref="Storage.WebhookMessageTypes"/> name (case-insensitive); at least one.</summary>
    public IReadOnlyList<string>? Messages { get; set; }
}
