using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// Reads the CSV file of an import: the body itself (<c>text/csv</c>) or the file of a <c>multipart/form-data</c> form, copied
/// into memory up to <see cref="MaxBytes"/> (so the importer reads it without blocking on the network). Its contents (AppKeys)
/// are never repeated in a problem.
/// </summary>
internal static class CsvBody
{
    /// <summary>The largest file the import reads: about 40,000 devices of The Things Stack CSV with every column.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    /// <summary>The largest request: the file and a form's boundaries and headers.</summary>
    public const long MaxRequestBytes = MaxBytes + (64 * 1024);

    public static async Task<(Stream? Csv, TtnProblem? Problem)> ReadAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength > MaxRequestBytes)
        {
            return (null, TooLarge());
        }

        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
                var file = form.Files.GetFile("file") ?? (form.Files.Count == 1 ? form.Files[0] : null);
                if (file is null)
                {
                    return (null, TtnProblem.InvalidRequest(
                        "invalid-request", "file", "Send the CSV file as the field \"file\" of the multipart/form-data form."));
                }

                var source = file.OpenReadStream();
                await using (source.ConfigureAwait(false))
                {
                    return await CopyAsync(source, http.RequestAborted).ConfigureAwait(false);
                }
            }

            if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
                || !type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
            {
                return (null, TtnProblem.Create(
                    StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "The body must be a CSV file.",
                    "Send the file with Content-Type: text/csv, or as the field \"file\" of a multipart/form-data form."));
            }

            return await CopyAsync(request.Body, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !http.RequestAborted.IsCancellationRequested)
        {
            // A malformed form or a body over the server's limit; the message may quote the body, so it is not repeated.
            return (null, e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? TooLarge()
                : TtnProblem.InvalidRequest("invalid-request", "body", "The body could not be read as a CSV file or a multipart form."));
        }
    }

    private static async Task<(Stream? Csv, TtnProblem? Problem)> CopyAsync(Stream source, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + read > MaxBytes)
            {
                await copy.DisposeAsync().ConfigureAwait(false);
                return (null, TooLarge());
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        return (copy, null);
    }

    private static TtnProblem TooLarge() => TtnProblem.Create(
        StatusCodes.Status413PayloadTooLarge, "body-too-large", "The file is too large.",
        $"The CSV file must be at most {MaxBytes / (1024 * 1024)} MiB; split it into several imports.");
}
