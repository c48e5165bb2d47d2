using System.Collections.Frozen;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>Which rights belong to which group, what each <c>_ALL</c> pseudo-right implies, and expanding a set of rights.</summary>
internal static partial class ThingsStackRights
{
    private static readonly string[] _userRights = [
        UserInfo,
        UserSettingsBasic,
        UserSettingsApiKeys,
        UserDelete,
        UserAuthorizedClients,
        UserApplicationsList,
        UserApplicationsCreate,
        UserGatewaysList,
        UserGatewaysCreate,
        UserClientsList,
        UserClientsCreate,
        UserOrganizationsList,
        UserOrganizationsCreate,
        UserNotificationsRead];

    private static readonly string[] _applicationRights = [
        ApplicationInfo,
        ApplicationSettingsBasic,
        ApplicationSettingsApiKeys,
        ApplicationSettingsCollaborators,
        ApplicationSettingsPackages,
        ApplicationDelete,
        ApplicationDevicesRead,
        ApplicationDevicesWrite,
        ApplicationDevicesReadKeys,
        ApplicationDevicesWriteKeys,
        ApplicationTrafficRead,
        ApplicationTrafficUpWrite,
        ApplicationTrafficDownWrite,
        ApplicationLink];

    private static readonly string[] _clientRights = [ClientInfo, ClientSettingsBasic, ClientSettingsCollaborators, ClientDelete];

    private static readonly string[] _gatewayRights = [
        GatewayInfo,
        GatewaySettingsBasic,
        GatewaySettingsApiKeys,
        GatewaySettingsCollaborators,
        GatewayDelete,
        GatewayTrafficRead,
        GatewayTrafficDownWrite,
        GatewayLink,
        GatewayStatusRead,
        GatewayLocationRead,
        GatewayWriteSecrets,
        GatewayReadSecrets];

    private static readonly string[] _organizationRights = [
        OrganizationInfo,
        OrganizationSettingsBasic,
        OrganizationSettingsApiKeys,
        OrganizationSettingsMembers,
        OrganizationDelete,
        OrganizationApplicationsList,
        OrganizationApplicationsCreate,
        OrganizationGatewaysList,
        OrganizationGatewaysCreate,
        OrganizationClientsList,
        OrganizationClientsCreate,
        OrganizationAddAsCollaborator];

    private static readonly FrozenDictionary<string, string[]> _implied = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [UserAll] = _userRights,
        [ApplicationAll] = _applicationRights,
        [ClientAll] = _clientRights,
        [GatewayAll] = _gatewayRights,
        [OrganizationAll] = _organizationRights,
        [ApplicationLink] = [ApplicationInfo, ApplicationTrafficRead, ApplicationTrafficDownWrite],
        [GatewayLink] = [GatewayInfo],
        [All] =
        [
            .. _userRights, UserAll, .. _applicationRights, ApplicationAll, .. _clientRights, ClientAll,
            .. _gatewayRights, GatewayAll, .. _organizationRights, OrganizationAll, SendInvites,
        ],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<ThingsStackRightsGroup, string[]> _groups = new Dictionary<ThingsStackRightsGroup, string[]>
    {
        // The groups of the replaced system's permission report, so reports read the same.
        [ThingsStackRightsGroup.Core] = [ApplicationInfo, ApplicationTrafficRead],
        [ThingsStackRightsGroup.KeyCreation] = [OrganizationSettingsApiKeys, ApplicationSettingsApiKeys],
        [ThingsStackRightsGroup.Webhook] = [ApplicationSettingsBasic, ApplicationTrafficRead, ApplicationTrafficDownWrite],
        [ThingsStackRightsGroup.Devices] = [ApplicationDevicesRead, ApplicationDevicesWrite],
        [ThingsStackRightsGroup.Downlink] = [ApplicationTrafficDownWrite],
        [ThingsStackRightsGroup.Gateway] = [GatewayInfo, GatewaySettingsBasic, GatewayLink],
    }.ToFrozenDictionary();

    /// <summary>Gets every right group a provisioner checks, in a stable order.</summary>
    public static IReadOnlyList<ThingsStackRightsGroup> Groups { get; } =
    [
        ThingsStackRightsGroup.Core, ThingsStackRightsGroup.KeyCreation, ThingsStackRightsGroup.Webhook,
        ThingsStackRightsGroup.Devices, ThingsStackRightsGroup.Downlink, ThingsStackRightsGroup.Gateway,
    ];

    /// <summary>Gets the rights a group needs.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The rights, as wire names.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="group"/> is not a defined group.</exception>
    public static IReadOnlyList<string> For(ThingsStackRightsGroup group) =>
        _groups.TryGetValue(group, out var rights)
            ? rights
            : throw new ArgumentOutOfRangeException(nameof(group), group, "Unknown rights group.");

    /// <summary>Whether the name (with or without the <c>RIGHT_</c> prefix) is a right this library knows.</summary>
    /// <param name="right">The right name.</param>
    /// <returns><see langword="true"/> when it is a known right or pseudo-right.</returns>
    public static bool IsKnown(string? right) =>
        !string.IsNullOrWhiteSpace(right)
            && (_implied[All].Contains(Normalize(right)) || string.Equals(Normalize(right), All, StringComparison.Ordinal));

    /// <summary>Adds the <c>RIGHT_</c> prefix when it is missing and upper-cases the name.</summary>
    /// <param name="right">A right name such as <c>APPLICATION_INFO</c> or <c>RIGHT_APPLICATION_INFO</c>.</param>
    /// <returns>The wire name.</returns>
    public static string Normalize(string right)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(right);
        var upper = right.Trim().ToUpperInvariant();
        return upper.StartsWith("RIGHT_", StringComparison.Ordinal) ? upper : "RIGHT_" + upper;
    }

    /// <summary>
    /// Expands the pseudo-rights: each <c>_ALL</c> right adds every right of its group (<c>RIGHT_ALL</c> adds every
    /// right), <c>RIGHT_APPLICATION_LINK</c> adds application info, traffic read and downlink write, and
    /// <c>RIGHT_GATEWAY_LINK</c> adds gateway info. The rights given are kept.
    /// </summary>
    /// <param name="rights">The rights as granted.</param>
    /// <returns>The normalised, expanded set.</returns>
    public static IReadOnlySet<string> Expand(IEnumerable<string> rights)
    {
        ArgumentNullException.ThrowIfNull(rights);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var right in rights)
        {
            if (string.IsNullOrWhiteSpace(right))
            {
                continue;
            }

            var name = Normalize(right);
            result.Add(name);
            if (_implied.TryGetValue(name, out var implied))
            {
                foreach (var r in implied)
                {
                    result.Add(r);
                    if (_implied.TryGetValue(r, out var nested))
                    {
                        result.UnionWith(nested);
                    }
                }
            }
        }

        return result;
    }
}
