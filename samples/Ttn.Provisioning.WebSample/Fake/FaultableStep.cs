using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.WebSample.Fake;

/// <summary>SAMPLE ONLY: a provisioning step whose requests the fault injection can make fail, with the route it uses on TTS.</summary>
public sealed record FaultableStep(ProvisioningStep Step, string Label, string Method, string PathPattern)
{
    /// <summary>The steps a visitor may choose, in pipeline order.</summary>
    public static IReadOnlyList<FaultableStep> All { get; } =
    [
        new(ProvisioningStep.Preflight, "Preflight (GET /auth_info)", "GET", "/auth_info"),
        new(ProvisioningStep.Organization, "Organization (POST /users/…/organizations)", "POST", "/users/*/organizations"),
        new(ProvisioningStep.OrganizationApiKey, "Organization key (POST /organizations/…/api-keys)", "POST",
            "/organizations/*/api-keys"),
        new(ProvisioningStep.Application, "Application (POST /organizations/…/applications)", "POST", "/organizations/*/applications"),
        new(ProvisioningStep.ApplicationApiKey, "Application key (POST /applications/…/api-keys)", "POST", "/applications/*/api-keys"),
        new(ProvisioningStep.Webhook, "Webhook (PUT /as/webhooks/…/…)", "PUT", "/as/webhooks/*/*"),
    ];

    /// <summary>The step with this name, or null.</summary>
    public static FaultableStep? Find(string? name) =>
        All.FirstOrDefault(s => string.Equals(s.Step.ToString(), name, StringComparison.Ordinal));
}
