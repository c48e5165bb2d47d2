namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// The names of The Things Stack rights (the <c>Right</c> enum) as sent on the wire, the groups a
/// provisioner needs, and the expansion of the <c>_ALL</c> pseudo-rights.
/// </summary>
/// <remarks>
/// Rights are strings rather than a C# enum so that rights added by newer servers survive a round trip.
/// The server also accepts a name without the <c>RIGHT_</c> prefix; <see cref="Normalize(string)"/> adds it.
/// </remarks>
internal static partial class ThingsStackRights
{
    /// <summary><c>RIGHT_USER_INFO</c>.</summary>
    public const string UserInfo = "RIGHT_USER_INFO";

    /// <summary><c>RIGHT_USER_SETTINGS_BASIC</c>.</summary>
    public const string UserSettingsBasic = "RIGHT_USER_SETTINGS_BASIC";

    /// <summary><c>RIGHT_USER_SETTINGS_API_KEYS</c>.</summary>
    public const string UserSettingsApiKeys = "RIGHT_USER_SETTINGS_API_KEYS";

    /// <summary><c>RIGHT_USER_DELETE</c>.</summary>
    public const string UserDelete = "RIGHT_USER_DELETE";

    /// <summary><c>RIGHT_USER_AUTHORIZED_CLIENTS</c>.</summary>
    public const string UserAuthorizedClients = "RIGHT_USER_AUTHORIZED_CLIENTS";

    /// <summary><c>RIGHT_USER_APPLICATIONS_LIST</c>.</summary>
    public const string UserApplicationsList = "RIGHT_USER_APPLICATIONS_LIST";

    /// <summary><c>RIGHT_USER_APPLICATIONS_CREATE</c>.</summary>
    public const string UserApplicationsCreate = "RIGHT_USER_APPLICATIONS_CREATE";

    /// <summary><c>RIGHT_USER_GATEWAYS_LIST</c>.</summary>
    public const string UserGatewaysList = "RIGHT_USER_GATEWAYS_LIST";

    /// <summary><c>RIGHT_USER_GATEWAYS_CREATE</c>.</summary>
    public const string UserGatewaysCreate = "RIGHT_USER_GATEWAYS_CREATE";

    /// <summary><c>RIGHT_USER_CLIENTS_LIST</c>.</summary>
    public const string UserClientsList = "RIGHT_USER_CLIENTS_LIST";

    /// <summary><c>RIGHT_USER_CLIENTS_CREATE</c>.</summary>
    public const string UserClientsCreate = "RIGHT_USER_CLIENTS_CREATE";

    /// <summary><c>RIGHT_USER_ORGANIZATIONS_LIST</c>.</summary>
    public const string UserOrganizationsList = "RIGHT_USER_ORGANIZATIONS_LIST";

    /// <summary><c>RIGHT_USER_ORGANIZATIONS_CREATE</c>.</summary>
    public const string UserOrganizationsCreate = "RIGHT_USER_ORGANIZATIONS_CREATE";

    /// <summary><c>RIGHT_USER_NOTIFICATIONS_READ</c>.</summary>
    public const string UserNotificationsRead = "RIGHT_USER_NOTIFICATIONS_READ";

    /// <summary><c>RIGHT_USER_ALL</c>: every user right, including future ones.</summary>
    public const string UserAll = "RIGHT_USER_ALL";

    /// <summary><c>RIGHT_APPLICATION_INFO</c>.</summary>
    public const string ApplicationInfo = "RIGHT_APPLICATION_INFO";

    /// <summary><c>RIGHT_APPLICATION_SETTINGS_BASIC</c>.</summary>
    public const string ApplicationSettingsBasic = "RIGHT_APPLICATION_SETTINGS_BASIC";

    /// <summary><c>RIGHT_APPLICATION_SETTINGS_API_KEYS</c>.</summary>
    public const string ApplicationSettingsApiKeys = "RIGHT_APPLICATION_SETTINGS_API_KEYS";

    /// <summary><c>RIGHT_APPLICATION_SETTINGS_COLLABORATORS</c>.</summary>
    public const string ApplicationSettingsCollaborators = "RIGHT_APPLICATION_SETTINGS_COLLABORATORS";

    /// <summary><c>RIGHT_APPLICATION_SETTINGS_PACKAGES</c>.</summary>
    public const string ApplicationSettingsPackages = "RIGHT_APPLICATION_SETTINGS_PACKAGES";

    /// <summary><c>RIGHT_APPLICATION_DELETE</c>.</summary>
    public const string ApplicationDelete = "RIGHT_APPLICATION_DELETE";

    /// <summary><c>RIGHT_APPLICATION_DEVICES_READ</c>.</summary>
    public const string ApplicationDevicesRead = "RIGHT_APPLICATION_DEVICES_READ";

    /// <summary><c>RIGHT_APPLICATION_DEVICES_WRITE</c>.</summary>
    public const string ApplicationDevicesWrite = "RIGHT_APPLICATION_DEVICES_WRITE";

    /// <summary><c>RIGHT_APPLICATION_DEVICES_READ_KEYS</c>.</summary>
    public const string ApplicationDevicesReadKeys = "RIGHT_APPLICATION_DEVICES_READ_KEYS";

    /// <summary><c>RIGHT_APPLICATION_DEVICES_WRITE_KEYS</c>.</summary>
    public const string ApplicationDevicesWriteKeys = "RIGHT_APPLICATION_DEVICES_WRITE_KEYS";

    /// <summary><c>RIGHT_APPLICATION_TRAFFIC_READ</c>.</summary>
    public const string ApplicationTrafficRead = "RIGHT_APPLICATION_TRAFFIC_READ";

    /// <summary><c>RIGHT_APPLICATION_TRAFFIC_UP_WRITE</c>.</summary>
    public const string ApplicationTrafficUpWrite = "RIGHT_APPLICATION_TRAFFIC_UP_WRITE";

    /// <summary><c>RIGHT_APPLICATION_TRAFFIC_DOWN_WRITE</c>.</summary>
    public const string ApplicationTrafficDownWrite = "RIGHT_APPLICATION_TRAFFIC_DOWN_WRITE";

    /// <summary><c>RIGHT_APPLICATION_LINK</c>.</summary>
    public const string ApplicationLink = "RIGHT_APPLICATION_LINK";

    /// <summary><c>RIGHT_APPLICATION_ALL</c>: every application right, including future ones.</summary>
    public const string ApplicationAll = "RIGHT_APPLICATION_ALL";

    /// <summary><c>RIGHT_CLIENT_INFO</c>.</summary>
    public const string ClientInfo = "RIGHT_CLIENT_INFO";

    /// <summary><c>RIGHT_CLIENT_SETTINGS_BASIC</c>.</summary>
    public const string ClientSettingsBasic = "RIGHT_CLIENT_SETTINGS_BASIC";

    /// <summary><c>RIGHT_CLIENT_SETTINGS_COLLABORATORS</c>.</summary>
    public const string ClientSettingsCollaborators = "RIGHT_CLIENT_SETTINGS_COLLABORATORS";

    /// <summary><c>RIGHT_CLIENT_DELETE</c>.</summary>
    public const string ClientDelete = "RIGHT_CLIENT_DELETE";

    /// <summary><c>RIGHT_CLIENT_ALL</c>: every client right, including future ones.</summary>
    public const string ClientAll = "RIGHT_CLIENT_ALL";

    /// <summary><c>RIGHT_GATEWAY_INFO</c>.</summary>
    public const string GatewayInfo = "RIGHT_GATEWAY_INFO";

    /// <summary><c>RIGHT_GATEWAY_SETTINGS_BASIC</c>.</summary>
    public const string GatewaySettingsBasic = "RIGHT_GATEWAY_SETTINGS_BASIC";

    /// <summary><c>RIGHT_GATEWAY_SETTINGS_API_KEYS</c>.</summary>
    public const string GatewaySettingsApiKeys = "RIGHT_GATEWAY_SETTINGS_API_KEYS";

    /// <summary><c>RIGHT_GATEWAY_SETTINGS_COLLABORATORS</c>.</summary>
    public const string GatewaySettingsCollaborators = "RIGHT_GATEWAY_SETTINGS_COLLABORATORS";

    /// <summary><c>RIGHT_GATEWAY_DELETE</c>.</summary>
    public const string GatewayDelete = "RIGHT_GATEWAY_DELETE";

    /// <summary><c>RIGHT_GATEWAY_TRAFFIC_READ</c>.</summary>
    public const string GatewayTrafficRead = "RIGHT_GATEWAY_TRAFFIC_READ";

    /// <summary><c>RIGHT_GATEWAY_TRAFFIC_DOWN_WRITE</c>.</summary>
    public const string GatewayTrafficDownWrite = "RIGHT_GATEWAY_TRAFFIC_DOWN_WRITE";

    /// <summary><c>RIGHT_GATEWAY_LINK</c>.</summary>
    public const string GatewayLink = "RIGHT_GATEWAY_LINK";

    /// <summary><c>RIGHT_GATEWAY_STATUS_READ</c>.</summary>
    public const string GatewayStatusRead = "RIGHT_GATEWAY_STATUS_READ";

    /// <summary><c>RIGHT_GATEWAY_LOCATION_READ</c>.</summary>
    public const string GatewayLocationRead = "RIGHT_GATEWAY_LOCATION_READ";

    /// <summary><c>RIGHT_GATEWAY_WRITE_SECRETS</c>.</summary>
    public const string GatewayWriteSecrets = "RIGHT_GATEWAY_WRITE_SECRETS";

    /// <summary><c>RIGHT_GATEWAY_READ_SECRETS</c>.</summary>
    public const string GatewayReadSecrets = "RIGHT_GATEWAY_READ_SECRETS";

    /// <summary><c>RIGHT_GATEWAY_ALL</c>: every gateway right, including future ones.</summary>
    public const string GatewayAll = "RIGHT_GATEWAY_ALL";

    /// <summary><c>RIGHT_ORGANIZATION_INFO</c>.</summary>
    public const string OrganizationInfo = "RIGHT_ORGANIZATION_INFO";

    /// <summary><c>RIGHT_ORGANIZATION_SETTINGS_BASIC</c>.</summary>
    public const string OrganizationSettingsBasic = "RIGHT_ORGANIZATION_SETTINGS_BASIC";

    /// <summary><c>RIGHT_ORGANIZATION_SETTINGS_API_KEYS</c>.</summary>
    public const string OrganizationSettingsApiKeys = "RIGHT_ORGANIZATION_SETTINGS_API_KEYS";

    /// <summary><c>RIGHT_ORGANIZATION_SETTINGS_MEMBERS</c>.</summary>
    public const string OrganizationSettingsMembers = "RIGHT_ORGANIZATION_SETTINGS_MEMBERS";

    /// <summary><c>RIGHT_ORGANIZATION_DELETE</c>.</summary>
    public const string OrganizationDelete = "RIGHT_ORGANIZATION_DELETE";

    /// <summary><c>RIGHT_ORGANIZATION_APPLICATIONS_LIST</c>.</summary>
    public const string OrganizationApplicationsList = "RIGHT_ORGANIZATION_APPLICATIONS_LIST";

    /// <summary><c>RIGHT_ORGANIZATION_APPLICATIONS_CREATE</c>.</summary>
    public const string OrganizationApplicationsCreate = "RIGHT_ORGANIZATION_APPLICATIONS_CREATE";

    /// <summary><c>RIGHT_ORGANIZATION_GATEWAYS_LIST</c>.</summary>
    public const string OrganizationGatewaysList = "RIGHT_ORGANIZATION_GATEWAYS_LIST";

    /// <summary><c>RIGHT_ORGANIZATION_GATEWAYS_CREATE</c>.</summary>
    public const string OrganizationGatewaysCreate = "RIGHT_ORGANIZATION_GATEWAYS_CREATE";

    /// <summary><c>RIGHT_ORGANIZATION_CLIENTS_LIST</c>.</summary>
    public const string OrganizationClientsList = "RIGHT_ORGANIZATION_CLIENTS_LIST";

    /// <summary><c>RIGHT_ORGANIZATION_CLIENTS_CREATE</c>.</summary>
    public const string OrganizationClientsCreate = "RIGHT_ORGANIZATION_CLIENTS_CREATE";

    /// <summary><c>RIGHT_ORGANIZATION_ADD_AS_COLLABORATOR</c>.</summary>
    public const string OrganizationAddAsCollaborator = "RIGHT_ORGANIZATION_ADD_AS_COLLABORATOR";

    /// <summary><c>RIGHT_ORGANIZATION_ALL</c>: every organization right, including future ones.</summary>
    public const string OrganizationAll = "RIGHT_ORGANIZATION_ALL";

    /// <summary><c>RIGHT_SEND_INVITES</c> (a universal right).</summary>
    public const string SendInvites = "RIGHT_SEND_INVITES";

    /// <summary><c>RIGHT_ALL</c>: every right.</summary>
    public const string All = "RIGHT_ALL";
}
