namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// What the admin API key must be for provisioning to work, judged from its <c>GET /auth_info</c> answer: a user's key
/// (organizations are created under a user) and, unless the user is an admin, holding the rights provisioning uses. The
/// preflight step and the host package's health check both ask here, so they never disagree.
/// </summary>
internal static class AdminKeyRequirements
{
    /// <summary>Judges an <c>auth_info</c> answer for the admin key.</summary>
    /// <param name="auth">What TTS answered.</param>
    /// <param name="options">The provisioning options (the organization key's rights are handed on by the admin key).</param>
    /// <param name="userId">The TTS user the key belongs to, when it is a user's key.</param>
    /// <returns>Why the key cannot provision, in words (never the key), or null when it can.</returns>
    public static string? Check(AuthInfo auth, TtnProvisioningOptions options, out string? userId)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(options);
        userId = auth.ApiKey?.EntityIds?.UserIds?.UserId ?? auth.OAuthAccessToken?.UserIds?.UserId;
        if (userId is null)
        {
            var kind = auth.ApiKey?.EntityIds switch
            {
                { OrganizationIds: not null } => "an organization API key",
                { ApplicationIds: not null } => "an application API key",
                { GatewayIds: not null } => "a gateway API key",
                _ => "not a user credential",
            };
            return $"The admin API key is {kind}; provisioning needs a personal (user) API key.";
        }

        return !auth.IsAdmin && MissingRights(auth, options) is { Length: > 0 } missing
            ? $"The admin API key lacks rights provisioning needs: {string.Join(", ", missing)}."
            : null;
    }

    /// <summary>The concrete rights the key lacks (auth_info answers with the pseudo-rights already expanded).</summary>
    private static string[] MissingRights(AuthInfo auth, TtnProvisioningOptions options)
    {
        var report = PermissionReport.FromAuthInfo(auth);
        var required = new[]
            {
                ThingsStackRights.UserOrganizationsCreate,
                ThingsStackRights.OrganizationSettingsApiKeys,
                ThingsStackRights.OrganizationApplicationsCreate,
            }
            .Concat(options.OrganizationApiKeyRights);
        return [.. ThingsStackRights.Expand(required)
            .Where(r => !r.EndsWith("_ALL", StringComparison.Ordinal) && !report.Has(r))
            .Order(StringComparer.Ordinal)];
    }
}
