namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>The answer of <c>POST …/api-key-check</c>: what the key may do on the application (never the key).</summary>
internal sealed class ApiKeyCheckResponse : OperationResponse
{
    private ApiKeyCheckResponse(ApiKeyCheckResult result, string applicationId)
        : base(result)
    {
        ApplicationId = applicationId;
        IsSufficient = result.IsSufficient;
        IsAdmin = result.Permissions?.IsAdmin ?? false;
        Rights = result.Permissions?.Rights.Order(StringComparer.Ordinal).ToArray() ?? [];
        Missing = result.Permissions?.Missing.ToDictionary(m => m.Key.ToString(), m => m.Value) ?? [];
    }

    /// <summary>The application the key was checked against, as the request named it.</summary>
    public string ApplicationId { get; }

    /// <summary>Whether the key has every right a provisioned tenant needs.</summary>
    public bool IsSufficient { get; }

    public bool IsAdmin { get; }

    public IReadOnlyList<string> Rights { get; }

    /// <summary>The rights missing, by the group that needs them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Missing { get; }

    public static ApiKeyCheckResponse From(ApiKeyCheckResult result, string applicationId) => new(result, applicationId);
}

/// <summary>The answer of <c>POST …/webhook-secret/rotate</c>: the last four characters of the secret now in force.</summary>
internal sealed class WebhookSecretRotationResponse : OperationResponse
{
    private WebhookSecretRotationResponse(WebhookSecretRotationResult result)
        : base(result)
    {
        SecretLastFour = result.SecretLastFour;
    }

    public string? SecretLastFour { get; }

    public static WebhookSecretRotationResponse From(WebhookSecretRotationResult result) => new(result);
}

/// <summary>The answer of <c>POST …/organization-key/rotate</c>: the key now in force (id and last four) and the keys revoked.</summary>
internal sealed class OrganizationKeyRotationResponse : OperationResponse
{
    private OrganizationKeyRotationResponse(OrganizationKeyRotationResult result)
        : base(result)
    {
        KeyLastFour = result.KeyLastFour;
        KeyId = result.KeyId;
        RevokedKeyIds = result.RevokedKeyIds;
    }

    public string? KeyLastFour { get; }

    public string? KeyId { get; }

    public IReadOnlyList<string> RevokedKeyIds { get; }

    public static OrganizationKeyRotationResponse From(OrganizationKeyRotationResult result) => new(result);
}
