using Microsoft.Extensions.Http;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// Keeps the Things Stack <see cref="HttpClient"/> from following redirects. A followed 307/308 would send the request
/// again, body included (a webhook PUT carries the webhook secret), to wherever the answer points, below the host guard;
/// and the answer from there would be trusted.
/// </summary>
/// <remarks>
/// The default primary handler is a <see cref="SocketsHttpHandler"/> with redirects off. A host may replace the primary
/// handler (a stub, <c>FakeThingsStack</c>, a handler with a proxy or client certificate): this filter runs after every
/// configuration action and turns redirects off on a <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/>
/// there too. Whatever the handler, the client answers a 3xx that reaches it with a <see cref="ThingsStackException"/>
/// naming the host, and follows nothing.
/// </remarks>
internal sealed class ThingsStackRedirectGuard : IHttpMessageHandlerBuilderFilter
{
    /// <summary>The primary handler of the Things Stack client unless the host replaces it.</summary>
    public static HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler { AllowAutoRedirect = false };

    /// <summary>Whether a status is a redirect (3xx), which the client never follows.</summary>
    public static bool IsRedirect(System.Net.HttpStatusCode status) => (int)status is >= 300 and <= 399;

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return builder =>
        {
            next(builder);
            if (!string.Equals(builder.Name, ThingsStackClient.HttpClientName, StringComparison.Ordinal))
            {
                return;
            }

            // Only when on: a handler already in use (shared by the host) throws if a property is set, even to its value.
            switch (builder.PrimaryHandler)
            {
                case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
                case HttpClientHandler { AllowAutoRedirect: true } client:
                    client.AllowAutoRedirect = false;
                    break;
            }
        };
    }
}
