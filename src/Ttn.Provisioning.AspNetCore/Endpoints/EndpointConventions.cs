using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>The OpenAPI description every tenant endpoint carries: its name, summary, answer and the problems it may give.</summary>
internal static class EndpointConventions
{
    /// <summary>The problems of an endpoint that only reads: a malformed tenant id, unauthenticated, denied.</summary>
    public static readonly int[] ReadProblems =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden,
    ];

    /// <summary>The problems of an endpoint that runs an operation on The Things Stack under the tenant's lease.</summary>
    public static readonly int[] RunProblems =
    [
        .. ReadProblems, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status502BadGateway,
    ];

    /// <summary>The problems of an endpoint that also reads a JSON body.</summary>
    public static readonly int[] BodyProblems =
    [
        .. RunProblems, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
    ];

    public static RouteHandlerBuilder Describe<TResponse>(
        this RouteHandlerBuilder builder, string name, string summary, string description, int[] problems)
    {
        builder.WithName(name).WithSummary(summary).WithDescription(description)
            .Produces<TResponse>(StatusCodes.Status200OK, "application/json");
        foreach (var status in problems)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }

    /// <summary>Declares the JSON body an endpoint reads, and caps its size where the server supports it.</summary>
    public static RouteHandlerBuilder AcceptsJson<TRequest>(this RouteHandlerBuilder builder)
        where TRequest : notnull =>
        builder.Accepts<TRequest>("application/json").WithMetadata(new BodySizeLimit(RequestBody.MaxBytes));

    /// <summary>Declares the CSV file an import reads (the body, or a form's file), and caps the request's size.</summary>
    public static RouteHandlerBuilder AcceptsCsv(this RouteHandlerBuilder builder) =>
        builder.Accepts<string>("text/csv", "multipart/form-data").WithMetadata(new BodySizeLimit(CsvBody.MaxRequestBytes));

    private sealed class BodySizeLimit(long maxBytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = maxBytes;
    }
}
