using Microsoft.Extensions.Options;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// The outermost handler of the Things Stack <see cref="HttpClient"/>: refuses, before anything is sent, a request
/// to a host that is not configured, or over plain http to a host that is not a loopback address.
/// </summary>
internal sealed class ThingsStackHostGuardHandler : DelegatingHandler
{
    private readonly IOptions<ThingsStackOptions> _options;
    private ThingsStackEndpoints? _endpoints;

    public ThingsStackHostGuardHandler(IOptions<ThingsStackOptions> options)
    {
        _options = options;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        (_endpoints ??= new ThingsStackEndpoints(_options.Value)).EnsureAllowed(request.RequestUri);
        return base.SendAsync(request, cancellationToken);
    }
}
