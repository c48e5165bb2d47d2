using System.Net;
using System.Text;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>The <see cref="HttpMessageHandler"/> mode: hands each request to the shared core, in process.</summary>
internal sealed class FakeThingsStackHandler(RequestCore core, IReadOnlyCollection<string> hosts) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (hosts.Count > 0 && !hosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            throw new HttpRequestException(HttpRequestError.NameResolutionError,
                $"The fake Things Stack does not serve host '{uri.Host}' (configured: {string.Join(", ", hosts)}).");
        }
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var fakeRequest = new FakeRequest(
            request.Method.Method,
            uri.Host,
            uri.AbsolutePath,
            uri.Query,
            string.IsNullOrEmpty(body) ? null : body,
            request.Headers.Authorization?.ToString());
        var response = await core.ProcessAsync(fakeRequest, cancellationToken).ConfigureAwait(false);
        if (response.Dropped)
        {
            throw new HttpRequestException(
                HttpRequestError.ConnectionError, "The fake Things Stack dropped the connection (injected fault).");
        }
        var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode)
        {
            Content = new StringContent(response.Body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
        foreach (var (name, value) in response.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }
}
