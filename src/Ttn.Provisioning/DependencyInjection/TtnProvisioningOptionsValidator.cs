using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning;

/// <summary>
/// Checks <see cref="TtnProvisioningOptions"/> when the host starts: the webhook base URL, the id and key-name
/// prefixes, the lease time, the API key rights; the Things Stack addresses and the key ring are checked by their own
/// validators. Messages name the setting and the problem, never a key.
/// </summary>
internal sealed class TtnProvisioningOptionsValidator : IValidateOptions<TtnProvisioningOptions>
{
    /// <summary>The longest <see cref="TtnProvisioningOptions.IdPrefix"/> (the application prefix adds <c>-app</c>).</summary>
    public const int MaxIdPrefixLength = 14;

    /// <summary>The most history entries a tenant may be set to keep.</summary>
    public const int MaxHistoryLimit = 10_000;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TtnProvisioningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (GetWebhookBaseUrlProblem(options.WebhookBaseUrl) is { } webhookProblem)
        {
            failures.Add($"TtnProvisioningOptions.WebhookBaseUrl {webhookProblem}");
        }

        if (string.IsNullOrEmpty(options.IdPrefix)
            || options.IdPrefix.Length > MaxIdPrefixLength
            || !ThingsStackIds.IsValid(options.IdPrefix + "-x0"))
        {
            failures.Add(
                $"TtnProvisioningOptions.IdPrefix must be 1 to {MaxIdPrefixLength} characters of lower-case letters, digits and "
                + "single hyphens, starting with a letter or digit.");
        }

        if (!ThingsStackIds.IsValid(options.WebhookId))
        {
            failures.Add("TtnProvisioningOptions.WebhookId is not a valid TTS id (3 to 36 lower-case letters, digits and single hyphens).");
        }

        if (string.IsNullOrEmpty(options.ApiKeyNamePrefix)
            || options.ApiKeyNamePrefix.Length > 36
            || options.ApiKeyNamePrefix.Any(c => c < ' ' || c > '~'))
        {
            failures.Add(
                "TtnProvisioningOptions.ApiKeyNamePrefix must be 1 to 36 printable ASCII characters (TTS key names are at most 50).");
        }

        if (string.IsNullOrEmpty(options.WebhookSecretHeader)
            || !options.WebhookSecretHeader.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            failures.Add("TtnProvisioningOptions.WebhookSecretHeader must be an HTTP header name (letters, digits, '-' and '_').");
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(5) || options.LeaseDuration > TimeSpan.FromHours(1))
        {
            failures.Add("TtnProvisioningOptions.LeaseDuration must be between 5 seconds and 1 hour.");
        }
        else if (options.LeaseDuration <= options.ThingsStack.TotalTimeout + options.ThingsStack.AttemptTimeout)
        {
            // The lease is renewed before every request; the longest one request can take (every attempt and retry wait,
            // bounded by TotalTimeout, then the answer's body with AttemptTimeout of its own) must fit inside it.
            failures.Add(
                $"TtnProvisioningOptions.LeaseDuration ({options.LeaseDuration}) must be longer than ThingsStack.TotalTimeout "
                + $"plus ThingsStack.AttemptTimeout ({options.ThingsStack.TotalTimeout + options.ThingsStack.AttemptTimeout}), the "
                + "longest one request can take, or another caller could take over a run still waiting on TTS.");
        }

        if (options.HistoryLimit is < 1 or > MaxHistoryLimit)
        {
            failures.Add("TtnProvisioningOptions.HistoryLimit must be between 1 and 10,000.");
        }

        if (options.WebhookSecretGracePeriod < TimeSpan.Zero || options.WebhookSecretGracePeriod > TimeSpan.FromDays(1))
        {
            failures.Add("TtnProvisioningOptions.WebhookSecretGracePeriod must be between zero and one day.");
        }

        if (options.WebhookVerifierRefreshInterval < TimeSpan.FromSeconds(1)
            || options.WebhookVerifierRefreshInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add("TtnProvisioningOptions.WebhookVerifierRefreshInterval must be between one second and ten minutes.");
        }

        if (options.WebhookVerifierCapacity is < 1 or > 10_000_000)
        {
            failures.Add("TtnProvisioningOptions.WebhookVerifierCapacity must be between 1 and 10,000,000.");
        }

        if (ReservedHeaders.Contains(options.WebhookSecretHeader ?? string.Empty))
        {
            failures.Add(
                $"TtnProvisioningOptions.WebhookSecretHeader cannot be '{options.WebhookSecretHeader}': "
                + "the Application Server sets that header itself, so the secret would be lost.");
        }

        CheckRights(failures, nameof(options.OrganizationApiKeyRights), options.OrganizationApiKeyRights);
        CheckRights(failures, nameof(options.ApplicationApiKeyRights), options.ApplicationApiKeyRights);
        CheckRights(failures, nameof(options.GatewayApiKeyRights), options.GatewayApiKeyRights);
        CheckOrganizationKeyCoversItsWork(failures, options);

        if (options.AdminApiKey is { } adminKey && (adminKey.Length == 0 || adminKey.Any(c => c <= ' ' || c > '~')))
        {
            failures.Add(
                "TtnProvisioningOptions.AdminApiKey is set but is not a well-formed API key (empty, or holds white space or non-ASCII "
                    + "characters).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Why a webhook base URL is refused, or null when it is fine.</summary>
    /// <param name="url">The URL.</param>
    public static string? GetWebhookBaseUrlProblem(Uri? url)
    {
        if (url is null)
        {
            return "is required: TTS posts each tenant's uplinks there.";
        }

        if (!url.IsAbsoluteUri)
        {
            return "must be an absolute URL.";
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return $"must use https (it uses {url.Scheme}).";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "must not carry user info (credentials in a URL end up in logs).";
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            return "must not have a query or a fragment (the tenant id is appended as a path segment).";
        }

        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address)
            && !IsPublic(address))
        {
            return "must not point at a loopback, private, link-local or unspecified address: TTS cannot reach it, and it could be aimed "
                + "at internal services.";
        }

        if (url.IsLoopback || url.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "must not point at localhost.";
        }

        return null;
    }

    private static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address)
            || address.Equals(IPAddress.Any)
            || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || b[0] == 0
            || b[0] >= 224);
    }

    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Host", "Transfer-Encoding", "Connection", "User-Agent",
    };

    /// <summary>
    /// The organization key creates the application and gateway keys (and must hold every right it grants) and sets the
    /// webhook: a narrowed key would fail only after the organization and its key already exist.
    /// </summary>
    private static void CheckOrganizationKeyCoversItsWork(List<string> failures, TtnProvisioningOptions options)
    {
        if (!options.OrganizationApiKeyRights.All(ThingsStackRights.IsKnown)
            || !options.ApplicationApiKeyRights.All(ThingsStackRights.IsKnown)
            || !options.GatewayApiKeyRights.All(ThingsStackRights.IsKnown))
        {
            return;
        }

        var held = ThingsStackRights.Expand(options.OrganizationApiKeyRights);
        var needed = ThingsStackRights.Expand(
            options.ApplicationApiKeyRights
                .Concat(options.CreateGatewayApiKey ? options.GatewayApiKeyRights : [])
                .Concat([ThingsStackRights.OrganizationSettingsApiKeys, ThingsStackRights.ApplicationSettingsApiKeys])
                .Concat(ThingsStackRights.For(ThingsStackRightsGroup.Webhook)));
        var missing = needed.Where(r => !r.EndsWith("_ALL", StringComparison.Ordinal)
            && !held.Contains(r)).Order(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            failures.Add(
                "TtnProvisioningOptions.OrganizationApiKeyRights must include the rights the organization key hands on or uses: "
                + $"missing {string.Join(", ", missing)}.");
        }
    }

    private static void CheckRights(List<string> failures, string setting, IList<string> rights)
    {
        if (rights.Count == 0)
        {
            failures.Add($"TtnProvisioningOptions.{setting} must name at least one right.");
            return;
        }

        foreach (var right in rights)
        {
            if (!ThingsStackRights.IsKnown(right))
            {
                failures.Add($"TtnProvisioningOptions.{setting} names an unknown right '{right}'.");
            }
        }
    }
}
