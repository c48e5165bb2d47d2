using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// What the AS sends for one message and one webhook (pkg/applicationserver/io/web/request.go <c>NewRequest</c>): the URL from the base URL
/// and the message's path, the headers, and the body.
/// </summary>
internal static partial class WebhookRequests
{
    /// <summary>The <c>ApplicationUp</c> message kinds, each also the webhook field that enables it.</summary>
    public static IReadOnlyList<string> MessageKinds { get; } =
    [
        "uplink_message", "uplink_normalized", "join_accept", "downlink_ack", "downlink_nack", "downlink_sent", "downlink_failed",
        "downlink_queued", "downlink_queue_invalidated", "location_solved", "service_data",
    ];

    [GeneratedRegex(@"\{([^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateVariable();

    /// <summary>The one message kind the message carries, or null.</summary>
    public static string? KindOf(JsonObject up) => MessageKinds.FirstOrDefault(kind => up[kind] is JsonObject);

    /// <summary>
    /// Expands the URI-template variables in the base URL and the path, then joins them so that a leading <c>/</c> in the
    /// path does not replace the base path and an empty path posts to the base URL itself.
    /// </summary>
    public static Uri Url(string baseUrl, string path, JsonObject up)
    {
        var ids = up["end_device_ids"] as JsonObject ?? [];
        var appId = TtsApi.Text(ids, "application_ids", "application_id") ?? "";
        var joinEui = TtsApi.Text(ids, "join_eui") ?? "";
        var devId = TtsApi.Text(ids, "device_id") ?? "";
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["appID"] = appId, ["applicationID"] = appId, ["appEUI"] = joinEui, ["joinEUI"] = joinEui,
            ["devID"] = devId, ["deviceID"] = devId, ["devEUI"] = TtsApi.Text(ids, "dev_eui") ?? "",
            ["devAddr"] = TtsApi.Text(ids, "dev_addr") ?? "",
        };
        var baseUri = new Uri(Expand(baseUrl, variables), UriKind.Absolute);
        var reference = Expand(path, variables);
        var split = reference.IndexOfAny(['?', '#']);
        var (pathPart, rest) = split < 0 ? (reference, "") : (reference[..split], reference[split..]);
        var basePath = baseUri.AbsolutePath;
        if (pathPart.StartsWith('/'))
        {
            pathPart = pathPart.TrimStart('/');
            basePath = basePath.EndsWith('/') ? basePath : basePath + "/";
        }
        if (pathPart.Length > 0 && !basePath.EndsWith('/'))
        {
            basePath += "/";
        }
        var adjusted = new UriBuilder(baseUri) { Path = basePath }.Uri;
        return pathPart.Length == 0 && rest.Length == 0 ? adjusted : new Uri(adjusted, pathPart + rest);
    }

    /// <summary>
    /// The headers: the webhook's own, the downlink ones when it has a downlink API key, and the content type, which
    /// overrides a header of that name.
    /// </summary>
    public static Dictionary<string, string> Headers(WebhookEntity webhook, string deviceId, string downlinkBase)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in webhook.Data["headers"] as JsonObject ?? [])
        {
            headers[name] = value?.ToString() ?? "";
        }
        if (TtsApi.Text(webhook.Data, "downlink_api_key") is { Length: > 0 } key)
        {
            var prefix = $"{downlinkBase.TrimEnd('/')}/as/applications/{webhook.ApplicationId}/webhooks/{webhook.WebhookId}"
                + $"/devices/{deviceId}/down/";
            headers["X-Downlink-Apikey"] = key;
            headers["X-Downlink-Push"] = prefix + "push";
            headers["X-Downlink-Replace"] = prefix + "replace";
        }
        headers["Content-Type"] = "application/json";
        return headers;
    }

    /// <summary>
    /// The body: the message, reduced to the webhook's <c>field_mask</c> (<c>up.&lt;kind&gt;…</c> paths for the message) when set.
    /// </summary>
    public static string Body(WebhookEntity webhook, JsonObject up, string kind)
    {
        var paths = TtsApi.MaskPaths(webhook.Data["field_mask"]);
        if (paths.Count == 0)
        {
            return up.ToJsonString();
        }
        var selected = paths.Where(p => p.Split('.')[0] != "up")
            .Concat(paths.Where(p => p == "up" || p == "up." + kind || p.StartsWith("up." + kind + ".", StringComparison.Ordinal))
                .Select(p => p == "up" ? kind : p[3..]));
        return FieldMasks.Filter(up, selected).ToJsonString();
    }

    /// <summary>RFC 6570 simple expansion: each <c>{name}</c> becomes the value, percent-encoded except unreserved characters.</summary>
    private static string Expand(string template, Dictionary<string, string> variables) =>
        TemplateVariable().Replace(template, m => Encode(variables.GetValueOrDefault(m.Groups[1].Value, "")));

    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}
