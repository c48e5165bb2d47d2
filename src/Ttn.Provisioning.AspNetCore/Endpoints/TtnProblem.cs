using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// An RFC 9457 problem answer, written through the host's <see cref="IProblemDetailsService"/> (so its customisations
/// apply) or, when the host has none or it declines, as <c>application/problem+json</c> by <see cref="ProblemHttpResult"/>.
/// </summary>
internal sealed class TtnProblem : IResult, IStatusCodeHttpResult
{
    /// <summary>The prefix of every problem type the endpoints answer; the rest is the <c>reasonCode</c>.</summary>
    public const string TypePrefix = "urn:ttn-provisioning:problem:";

    private TtnProblem(ProblemDetails details)
    {
        Details = details;
    }

    public ProblemDetails Details { get; }

    public int? StatusCode => Details.Status;

    /// <summary>Creates a problem with a stable type, a title, the detail in words and a <c>reasonCode</c> extension.</summary>
    public static TtnProblem Create(
        int status, string reasonCode, string title, string detail, HttpValidationProblemDetails? details = null)
    {
        var problem = details ?? new ProblemDetails();
        problem.Status = status;
        problem.Type = TypePrefix + reasonCode;
        problem.Title = title;
        problem.Detail = detail;
        problem.Extensions["reasonCode"] = reasonCode;
        return new TtnProblem(problem);
    }

    /// <summary>A 400 naming the request field at fault.</summary>
    public static TtnProblem InvalidRequest(string reasonCode, string field, string message) =>
        Create(
            StatusCodes.Status400BadRequest,
            reasonCode,
            "The request is not valid.",
            message,
            new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] }));

    /// <summary>The same problem, with its extensions, as a more specific answer (another status, reason and title).</summary>
    public TtnProblem Recast(int status, string reasonCode, string title, string? detail = null)
    {
        Details.Status = status;
        Details.Type = TypePrefix + reasonCode;
        Details.Title = title;
        Details.Detail = detail ?? Details.Detail;
        Details.Extensions["reasonCode"] = reasonCode;
        return this;
    }

    public TtnProblem With(string name, object? value)
    {
        if (value is not null)
        {
            Details.Extensions[name] = value;
        }

        return this;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = Details.Status ?? StatusCodes.Status500InternalServerError;
        var context = new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = Details };
        if (httpContext.RequestServices.GetService<IProblemDetailsService>() is { } service
            && await service.TryWriteAsync(context).ConfigureAwait(false))
        {
            return;
        }

        await TypedResults.Problem(Details).ExecuteAsync(httpContext).ConfigureAwait(false);
    }
}
