using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.Tests.Shared.Http;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.ThingsStack;

/// <summary>
/// Finding 2 of issue 10: a followed 307/308 re-sends the request body (a webhook PUT carries the webhook secret) to any
/// host, below the host guard, and trusts the answer. Redirects are never followed; a 3xx fails the call naming the host.
/// </summary>
public sealed class RedirectTests
{
    private const string WebhookSecret = "5e1f0c3d9a7b46e2b8c4d0f2a6e8b1c3d5f7a9b0c2e4f6a8b0d2c4e6f8a0b2c4";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static TheoryData<string> PrimaryHandlers() => new() { "default", "host's HttpClientHandler", "host's SocketsHttpHandler" };

    [Theory]
    [MemberData(nameof(PrimaryHandlers))]
    public async Task A_307_to_another_server_is_not_followed_and_the_error_names_the_host_that_answered(string primaryHandler)
    {
        using var b = new LoopbackHttpServer(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync("""{"ids":{"webhook_id":"hook-1"}}"""u8.ToArray());
        });
        using var a = new LoopbackHttpServer(context =>
        {
            context.Response.StatusCode = (int)HttpStatusCode.TemporaryRedirect;
            context.Response.RedirectLocation = new Uri(b.BaseUri, context.Request.Url!.PathAndQuery).AbsoluteUri;
            return Task.CompletedTask;
        });
        await using var provider = BuildClient(a.BaseUri, http => _ = primaryHandler switch
        {
            "host's HttpClientHandler" => http.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler()),
            "host's SocketsHttpHandler" => http.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler()),
            _ => http,
        });

        var error = await Assert.ThrowsAsync<ThingsStackException>(() => SetWebhookAsync(provider).WaitAsync(Guard));

        Assert.Equal(0, b.Requests);
        Assert.Equal(1, a.Requests);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.Contains($"'http://{a.BaseUri.Authority}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain($":{b.BaseUri.Port}", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_redirect_that_reaches_the_client_through_a_replaced_primary_handler_fails_once_naming_the_host()
    {
        var stub = new StubHttpHandler();
        var elsewhere = new Uri("https://elsewhere.example.com/api/v3/as/webhooks/app-1/hook-1");
        stub.Enqueue(HttpStatusCode.PermanentRedirect, null, r => r.Headers.Location = elsewhere);
        var cluster = new Uri("https://nam1.cloud.thethings.network");
        await using var provider = BuildClient(cluster, http => http.ConfigurePrimaryHttpMessageHandler(() => stub));

        var error = await Assert.ThrowsAsync<ThingsStackException>(() => SetWebhookAsync(provider).WaitAsync(Guard));

        Assert.Single(stub.Requests);
        Assert.Equal(HttpStatusCode.PermanentRedirect, error.StatusCode);
        Assert.Contains("'https://nam1.cloud.thethings.network'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("elsewhere", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSecret, error.ToString(), StringComparison.Ordinal);
    }

    private static ServiceProvider BuildClient(Uri server, Action<IHttpClientBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        configure(services.AddThingsStackClient(options => options.IdentityServerUri = server));
        return services.BuildServiceProvider();
    }

    private static Task<Webhook> SetWebhookAsync(IServiceProvider provider)
    {
        var webhook = new Webhook
        {
            Ids = new WebhookIdentifiers("hook-1"),
            BaseUrl = "https://saas.example.com/ttn/webhook/acme",
            Format = "json",
            Headers = new Dictionary<string, string> { ["X-Webhook-Secret"] = WebhookSecret },
        };
        return provider.GetRequiredService<IThingsStackClient>()
            .SetWebhookAsync(ThingsStackOptions.SingleClusterName, ThingsStackTestHost.AdminKey, "app-1", webhook, ["base_url", "format", "headers"]);
    }

    /// <summary>An HTTP server on 127.0.0.1 and a free port that answers every request with <c>respond</c>.</summary>
    private sealed class LoopbackHttpServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Func<HttpListenerContext, Task> _respond;
        private int _requests;

        public LoopbackHttpServer(Func<HttpListenerContext, Task> respond)
        {
            _respond = respond;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseUri = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(BaseUri.AbsoluteUri);
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public Uri BaseUri { get; }

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose() => _listener.Close();

        private async Task AcceptAsync()
        {
            while (true)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                await _respond(context);
                context.Response.Close();
            }
        }
    }
}
