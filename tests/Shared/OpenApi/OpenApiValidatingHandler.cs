namespace Ttn.Provisioning.Tests.Shared.OpenApi;

/// <summary>
/// A <see cref="DelegatingHandler"/> that checks every request against the OpenAPI subset before passing it on.
/// Put it innermost (just before the primary handler) so every attempt, retries included, is checked.
/// </summary>
public sealed class OpenApiValidatingHandler : DelegatingHandler
{
    private readonly OpenApiRequestValidator _validator;

    public OpenApiValidatingHandler(OpenApiRequestValidator? validator = null)
    {
        _validator = validator ?? OpenApiRequestValidator.Shared;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }

        _validator.Validate(request.Method.Method, request.RequestUri!, body);
        return await base.SendAsync(request, cancellationToken);
    }
}
