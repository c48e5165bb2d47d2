using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// What every tenant endpoint does around its operation: no caching, antiforgery when asked for, the caller (401
/// unauthenticated, 403 when the URL names another tenant), misuse as 400, and the outcome as an answer or a problem.
/// </summary>
internal static class TenantEndpoint
{
    /// <summary>Resolves the caller, then runs <paramref name="operation"/> for it.</summary>
    public static async Task<IResult> RunAsync(HttpContext http, string tenant, Func<TenantCall, Task<IResult>> operation)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.CacheControl = "no-store";
        var services = http.RequestServices;
        var options = services.GetService<IOptions<TtnEndpointOptions>>()?.Value ?? new TtnEndpointOptions();
        var log = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(TenantEndpoint).FullName!) ?? NullLogger.Instance;

        var resolver = services.GetService<ITtnCallerResolver>() ?? new ClaimsCallerResolver(options);
        var caller = await resolver.ResolveAsync(http, tenant, http.RequestAborted).ConfigureAwait(false);
        if (caller is null)
        {
            return TtnProblem.Create(
                StatusCodes.Status401Unauthorized, "unauthenticated", "The request is not authenticated.",
                "Sign in: the provisioning endpoints act for an authenticated user of the tenant.");
        }

        if (!string.Equals(caller.TenantId, tenant, StringComparison.Ordinal))
        {
            // Decided before any lookup, so the answer is the same whether or not the tenant exists.
            Log.TenantMismatch(log, caller.UserId, http.Request.Path);
            return TtnProblem.Create(
                StatusCodes.Status403Forbidden, "tenant-mismatch", "The URL names another tenant than the caller's.",
                "The signed-in user may act only on their own tenant.");
        }

        if (options.RequireAntiforgeryToken
            && !HttpMethods.IsGet(http.Request.Method)
            && !await IsAntiforgeryValidAsync(http).ConfigureAwait(false))
        {
            Log.AntiforgeryRefused(log, caller.UserId, http.Request.Path);
            return TtnProblem.Create(
                StatusCodes.Status400BadRequest, "antiforgery", "The antiforgery token is missing or not valid.",
                "Send the token from IAntiforgery.GetAndStoreTokens in the request header the host configured.");
        }

        try
        {
            return await operation(new TenantCall(http, caller, services.GetRequiredService<IProvisioningService>())).ConfigureAwait(false);
        }
        catch (ArgumentException misuse)
        {
            // The core refuses malformed ids and keys before any I/O; its messages never hold the value refused.
            return TtnProblem.Create(StatusCodes.Status400BadRequest, "invalid-request", "The request is not valid.", misuse.Message);
        }
    }

    /// <summary>The operation's answer: 200 with the response when it succeeded, otherwise its problem.</summary>
    public static IResult Answer<TResult, TResponse>(TResult result, Func<TResult, TResponse> respond, JsonTypeInfo<TResponse> json)
        where TResult : OperationResult
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome == ProvisioningOutcome.Succeeded)
        {
            return TypedResults.Json(respond(result), json);
        }

        JsonElement? partial = result.Outcome is ProvisioningOutcome.Failed or ProvisioningOutcome.UseStartFresh
            ? JsonSerializer.SerializeToElement(respond(result), json)
            : null;
        return OutcomeProblems.For(result, partial);
    }

    private static async Task<bool> IsAntiforgeryValidAsync(HttpContext http)
    {
        var antiforgery = http.RequestServices.GetService<IAntiforgery>()
            ?? throw new InvalidOperationException(
                "TtnEndpointOptions.RequireAntiforgeryToken is set but no IAntiforgery is registered: call services.AddAntiforgery().");
        return await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false);
    }
}
