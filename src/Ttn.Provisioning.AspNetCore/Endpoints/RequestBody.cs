using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>Reads a JSON request body with the endpoints' source-generated context; a missing or malformed body is a 400.</summary>
internal static class RequestBody
{
    /// <summary>The largest body the endpoints read (they take a few short strings).</summary>
    public const long MaxBytes = 16 * 1024;

    public static async Task<(T? Value, TtnProblem? Problem)> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> json, string example)
        where T : class
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, TtnProblem.Create(
                StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "The body must be JSON.",
                $"Send Content-Type: application/json with a body such as {example}."));
        }

        if (http.Request.ContentLength > MaxBytes)
        {
            return (null, TtnProblem.Create(
                StatusCodes.Status413PayloadTooLarge,
                "body-too-large",
                "The body is too large.",
                $"The body must be at most {MaxBytes} bytes."));
        }

        try
        {
            var value = await http.Request.ReadFromJsonAsync(json, http.RequestAborted).ConfigureAwait(false);
            return value is null
                ? (null, TtnProblem.InvalidRequest("invalid-request", "body", $"The body must be a JSON object such as {example}."))
                : (value, null);
        }
        catch (JsonException)
        {
            // The parser's message may quote the body, which may hold a key: it is not repeated.
            return (null, TtnProblem.InvalidRequest(
                "invalid-request", "body", $"The body is not valid JSON; send an object such as {example}."));
        }
    }
}
