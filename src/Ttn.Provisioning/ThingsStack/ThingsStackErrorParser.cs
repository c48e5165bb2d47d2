using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>Turns a TTS error answer into a <see cref="ThingsStackException"/>.</summary>
internal static partial class ThingsStackErrorParser
{
    /// <summary>The most characters of an error body read before parsing.</summary>
    internal const int MaxBodyRead = 64 * 1024;

    public static ThingsStackException Create(
        HttpStatusCode status,
        string? body,
        HttpResponseHeaders? headers,
        string method,
        string route,
        TimeProvider timeProvider,
        string? secret = null)
    {
        ErrorStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                parsed = JsonSerializer.Deserialize(body, ThingsStackJsonContext.Default.ErrorStatus);
            }
            catch (JsonException)
            {
                parsed = null;
            }
        }

        var detail = parsed?.Details is { Count: > 0 } details ? details[0] : null;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (detail?.Attributes is { } attrs)
        {
            foreach (var (key, value) in attrs)
            {
                attributes[key] = Redact(
                    value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText(), secret);
            }
        }

        var retryAfter = headers is null ? null : ThingsStackRetryPolicy.GetServerDelay(headers, timeProvider);
        var numericStatus = (int)status;
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"The Things Stack answered {numericStatus} ({status}) to {method} {route}");
        if (detail?.Name is { } name)
        {
            message.Append(CultureInfo.InvariantCulture, $": {detail.Namespace ?? "unknown"}:{name}");
            if (!string.IsNullOrEmpty(detail.MessageFormat))
            {
                message.Append(CultureInfo.InvariantCulture, $" ({Redact(detail.MessageFormat, secret)})");
            }
        }

        message.Append('.');
        if (detail?.CorrelationId is { } correlation)
        {
            message.Append(CultureInfo.InvariantCulture, $" Correlation id: {correlation}.");
        }

        return new ThingsStackException(message.ToString())
        {
            StatusCode = status,
            GrpcCode = parsed?.Code ?? detail?.Code,
            ErrorNamespace = detail?.Namespace,
            ErrorName = detail?.Name,
            CauseName = detail?.Cause?.Name,
            Attributes = attributes,
            CorrelationId = detail?.CorrelationId,
            RetryAfter = retryAfter,
            IsTransient = ThingsStackRetryPolicy.IsTransientStatus(status),
            Method = method,
            Route = route,
            ResponseBody = string.IsNullOrEmpty(body) ? null : Truncate(Redact(body, secret)),
        };
    }

    /// <summary>
    /// The error for a redirect answer, which is never followed. It names the host that answered, never the
    /// <c>Location</c> it pointed to.
    /// </summary>
    public static ThingsStackException Redirected(HttpStatusCode status, Uri requestUri, string method, string route) =>
        new($"The Things Stack at '{requestUri.Scheme}://{requestUri.Authority}' answered {(int)status} ({status}) to {method} {route}: " +
            "a redirect, which is never followed (credentials and request bodies go only to the configured hosts). " +
            "Check that ThingsStackOptions.IdentityServerUri and Clusters name the hosts that serve the API.")
        {
            StatusCode = status,
            Method = method,
            Route = route,
        };

    /// <summary>
    /// Removes API keys (<c>NNSXS.…</c>), other TTS tokens, bearer tokens, long hexadecimal strings (webhook secrets are
    /// 64; correlation ids, 32, are kept) and the given secret from a text.
    /// </summary>
    public static string Redact(string text, string? secret = null)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 8)
        {
            text = text.Replace(secret, "[REDACTED]", StringComparison.Ordinal);
        }

        text = TokenPattern().Replace(text, "$1.[REDACTED]");
        text = LongHexPattern().Replace(text, "[REDACTED]");
        return BearerPattern().Replace(text, "$1 [REDACTED]");
    }

    private static string Truncate(string text) =>
        text.Length <= ThingsStackException.MaxResponseBodyLength
            ? text
            : string.Concat(text.AsSpan(0, ThingsStackException.MaxResponseBodyLength - 1), "…");

    [GeneratedRegex(@"\b(NNSXS|MFRWG|OJSWM|MF2XI|ONZW4)\.[A-Za-z0-9._\-]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\b[0-9A-Fa-f]{40,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex LongHexPattern();

    [GeneratedRegex(@"\b(Bearer)\s+[^\s""',;}\]]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BearerPattern();
}
