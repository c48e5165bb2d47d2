using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// The server mode: an <see cref="HttpListener"/> on 127.0.0.1 only, feeding the shared core. A server may stand for a
/// host of the deployment (the Identity Server's or a cluster's): requests then reach the core as sent to that host.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly RequestCore _core;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly Task _acceptLoop;
    private readonly string? _logicalHost;

    private LoopbackServer(HttpListener listener, RequestCore core, Uri baseUri, string? logicalHost)
    {
        _listener = listener;
        _core = core;
        _logicalHost = logicalHost;
        BaseUri = baseUri;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>Starts listening on <c>http://127.0.0.1:{port}/</c>; port 0 picks a free port.</summary>
    /// <param name="core">The request core.</param>
    /// <param name="port">The port.</param>
    /// <param name="logicalHost">The host this server stands for; null: the host of each request's URL.</param>
    public static LoopbackServer Start(RequestCore core, int port, string? logicalHost)
    {
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port == 0 ? FreeLoopbackPort() : port;
            var prefix = $"http://127.0.0.1:{chosen}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new LoopbackServer(listener, core, new Uri(prefix), logicalHost);
            }
            catch (HttpListenerException) when (port == 0 && attempt < 5)
            {
                listener.Close(); // the free port was taken meanwhile: try another one
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            var task = Task.Run(() => ServeAsync(context));
            _inFlight.TryAdd(task, 0);
            _ = task.ContinueWith(
                t => _inFlight.TryRemove(t, out _),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            string? body = null;
            if (request.HasEntityBody)
            {
                using var reader = new StreamReader(request.InputStream, request.ContentEncoding);
                body = await reader.ReadToEndAsync(_stopping.Token).ConfigureAwait(false);
            }
            var url = request.Url!;
            var result = await _core.ProcessAsync(
                new FakeRequest(request.HttpMethod, _logicalHost ?? url.Host, url.AbsolutePath, url.Query, string.IsNullOrEmpty(body) ? null
                    : body, request.Headers["Authorization"]),
                _stopping.Token).ConfigureAwait(false);
            if (result.Dropped)
            {
                await CutConnectionAsync(response).ConfigureAwait(false);
                return;
            }
            response.StatusCode = result.StatusCode;
            response.ContentType = "application/json";
            foreach (var (name, value) in result.Headers)
            {
                response.Headers[name] = value;
            }
            var bytes = Encoding.UTF8.GetBytes(result.Body);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, _stopping.Token).ConfigureAwait(false);
            response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            response.Abort();
        }
    }

    /// <summary>
    /// Drops the connection. The managed HttpListener answers an aborted response with an empty 200, so the
    /// fake promises a body it never sends and then aborts: every client sees the connection end prematurely.
    /// </summary>
    private static async Task CutConnectionAsync(HttpListenerResponse response)
    {
        response.StatusCode = 500;
        response.ContentLength64 = 1024;
        await response.OutputStream.WriteAsync("{"u8.ToArray()).ConfigureAwait(false);
        await response.OutputStream.FlushAsync().ConfigureAwait(false);
        response.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
        _listener.Close();
        _stopping.Dispose();
    }
}
