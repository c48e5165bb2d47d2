namespace Ttn.Provisioning.WebSample.Fake;

/// <summary>
/// SAMPLE ONLY: how the fake's Application Server reaches this sample. TTS needs a public https webhook URL (the library
/// refuses anything else), so the tenant's webhook names the sample's <c>--webhook-base-url</c>; the fake's deliveries are
/// sent through this handler, which keeps their path, headers and body and sends them over a real loopback socket to the
/// address this sample listens on, where MapTtnWebhooks verifies and parses them like any delivery from TTS.
/// </summary>
internal sealed class LoopbackDelivery : DelegatingHandler
{
    private readonly Func<Uri?> _self;

    public LoopbackDelivery(Func<Uri?> self)
        : base(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
    {
        _self = self;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var self = _self() ?? throw new HttpRequestException("The web sample is not listening yet.");
        request.RequestUri = new Uri(self, request.RequestUri!.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
