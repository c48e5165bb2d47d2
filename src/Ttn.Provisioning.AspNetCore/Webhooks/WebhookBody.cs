using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Ttn.Provisioning.AspNetCore.Messages;

namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>
/// Reads a delivery's body under a byte limit counted here (so the limit holds under any server, test servers included; the
/// server's own limit is lowered to it as well where it allows) and parses it where it lies in the request's pipe, without
/// copying it.
/// </summary>
internal static class WebhookBody
{
    /// <summary>What reading the body gave: a parse result, or the status to answer instead.</summary>
    public readonly record struct Outcome(TtnParseResult? Parsed, int Status);

    /// <summary>Whether the declared length is already over the limit (answered before the secret is even checked).</summary>
    public static bool DeclaredTooLarge(HttpRequest request, long maxBytes) => request.ContentLength > maxBytes;

    /// <summary>Reads the body, at most <paramref name="maxBytes"/>, and parses it.</summary>
    public static async Task<Outcome> ReadAndParseAsync(
        HttpContext http, long maxBytes, TtnMessageParser parser, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = maxBytes;
        }

        var reader = http.Request.BodyReader;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = read.Buffer;
                if (buffer.Length > maxBytes)
                {
                    reader.AdvanceTo(buffer.End);
                    return new Outcome(null, StatusCodes.Status413PayloadTooLarge);
                }

                if (!read.IsCompleted && !read.IsCanceled)
                {
                    // Nothing consumed, everything examined: the next read returns more.
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }

                try
                {
                    return new Outcome(parser.Parse(buffer), StatusCodes.Status200OK);
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }
        }
        catch (BadHttpRequestException exception)
        {
            // The server's own limit, or a body that ended early or was badly framed.
            return new Outcome(null, exception.StatusCode);
        }
    }
}
