using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ttn.Provisioning.AspNetCore.Webhooks;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Webhooks;

namespace Ttn.Provisioning.Benchmarks.Webhooks;

/// <summary>
/// Webhook requests per second over loopback HTTP (Kestrel on 127.0.0.1, a free port; HttpClient with
/// <see cref="Concurrency"/> requests in flight) for a 1 KB uplink: the full receiver (<c>MapTtnWebhooks</c>: size and
/// content type, the secret through the verifier, the body parsed into a typed message, the application checked, an inline
/// no-op handler) against an empty endpoint in the same host that only reads the body. Target (issue 13): at least 0.7x of
/// the empty endpoint's requests per second, with zero secret decryptions per request once warm (counted by the verifier
/// and checked after each case: the cleanup throws otherwise).
/// </summary>
/// <remarks>
/// On a shared machine the load moves between cases, so besides the two plain cases, <see cref="Interleaved"/> alternates
/// batches of <see cref="Batch"/> requests to either endpoint within each invocation and times each side: both see the same
/// load, and the "Receiver/empty" column is the ratio of their throughputs (the median over invocations, and the total).
/// </remarks>
[Config(typeof(ReceiverBenchmarkConfig))]
public class ReceiverBenchmarks
{
    /// <summary>Requests sent by one invocation.</summary>
    public const int Requests = 4_000;

    /// <summary>Requests in flight at once.</summary>
    public const int Concurrency = 16;

    /// <summary>Requests sent to one endpoint before the interleaved case turns to the other.</summary>
    public const int Batch = 100;

    private const string EmptyPath = "/empty/" + Tenant;
    private const string ReceiverPath = "/ttn/webhook/" + Tenant;

    private const string Tenant = "acme";
    private const string Secret = "b1946ac92492d2347c6235b4d2611184b1946ac92492d2347c6235b4d2611184";

    /// <summary>Secret openings per request after warm-up, per case, for the summary.</summary>
    internal static readonly ConcurrentDictionary<string, double> SecretOpensPerRequest = new();

    /// <summary>Per invocation of the interleaved case: the receiver's throughput over the empty endpoint's.</summary>
    internal static readonly ConcurrentQueue<double> InterleavedRatios = new();

    /// <summary>The interleaved case's total time on each endpoint.</summary>
    internal static TimeSpan InterleavedEmpty, InterleavedReceiver;

    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private byte[] _body = [];
    private WebhookVerifier _verifier = null!;
    private NoOpHandler.Counter _handled = null!;
    private long _opensAfterWarmUp;
    private long _handledAfterWarmUp;
    private long _receiverRequests;
    private string _case = "";

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests, Description = "Empty endpoint (reads the body)")]
    public Task EmptyEndpoint()
    {
        _case = nameof(EmptyEndpoint);
        return SendAllAsync(EmptyPath, Requests);
    }

    [Benchmark(OperationsPerInvoke = Requests, Description = "MapTtnWebhooks (verify, parse, dispatch)")]
    public Task Receiver()
    {
        _case = nameof(Receiver);
        return SendAllAsync(ReceiverPath, Requests);
    }

    [Benchmark(OperationsPerInvoke = Requests, Description = "Both, interleaved by batches")]
    public async Task Interleaved()
    {
        _case = nameof(Interleaved);
        TimeSpan empty = default, receiver = default;
        for (var sent = 0; sent < Requests; sent += 2 * Batch)
        {
            var start = Stopwatch.GetTimestamp();
            await SendAllAsync(EmptyPath, Batch);
            var middle = Stopwatch.GetTimestamp();
            await SendAllAsync(ReceiverPath, Batch);
            empty += Stopwatch.GetElapsedTime(start, middle);
            receiver += Stopwatch.GetElapsedTime(middle);
        }

        InterleavedRatios.Enqueue(empty / receiver);
        InterleavedEmpty += empty;
        InterleavedReceiver += receiver;
    }

    [GlobalSetup]
    public void Setup()
    {
        _body = WebhookBodies.Compact("uplink-1kb.json");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddTtnProvisioning(o =>
        {
            o.ThingsStack.IdentityServerUri = new Uri("https://eu1.cloud.thethings.network");
            o.WebhookBaseUrl = new Uri("https://saas.example.com/ttn/webhook");
            o.AdminApiKey = "NNSXS.BENCHMARKBENCHMARKBENCHMARKBENCHMARKBENC.BENCHMARKBENCHMARKBENCHMARKBENCHMARKBENCHMARKBENCHMAR";
            o.Secrets.Keys.Add(new SecretKeyOptions { Id = "bench", Key = SecretProtectionOptions.GenerateKey() });
            o.Secrets.PrimaryKeyId = "bench";
        });
        builder.Services.AddSingleton<NoOpHandler.Counter>();
        builder.Services.AddTtnWebhooks().AddTtnMessageHandler<NoOpHandler>();
        _app = builder.Build();
        _app.MapTtnWebhooks("/ttn/webhook");
        _app.MapPost("/empty/{tenant}", ReadBodyAsync);
        StoreTenant(_app.Services);
        _app.StartAsync().GetAwaiter().GetResult();

        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = Concurrency })
        {
            BaseAddress = new Uri(_app.Urls.Single()),
        };
        _verifier = _app.Services.GetRequiredService<WebhookVerifier>();
        _handled = _app.Services.GetRequiredService<NoOpHandler.Counter>();

        // Warm-up: the first request reads the store and opens the secret once; none after it may.
        foreach (var path in (string[])[EmptyPath, ReceiverPath])
        {
            using var warm = Send(path).GetAwaiter().GetResult();
            warm.EnsureSuccessStatusCode();
        }

        _opensAfterWarmUp = _verifier.SecretOpens;
        _handledAfterWarmUp = _handled.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var opens = _verifier.SecretOpens - _opensAfterWarmUp;
        var receiverRequests = Interlocked.Read(ref _receiverRequests);
        var handled = _handled.Count - _handledAfterWarmUp;
        _client.Dispose();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (receiverRequests > 0)
        {
            SecretOpensPerRequest[_case] = (double)opens / receiverRequests;
        }

        if (opens != 0)
        {
            throw new InvalidOperationException($"{opens} secrets were opened during {receiverRequests} receiver requests after warm-up.");
        }

        if (handled != receiverRequests)
        {
            throw new InvalidOperationException($"{handled} messages handled for {receiverRequests} receiver requests.");
        }
    }

    private static void StoreTenant(IServiceProvider services)
    {
        var protector = services.GetRequiredService<ISecretProtector>();
        var store = services.GetRequiredService<ICredentialStore>();
        var sealedSecret = protector.Protect(Secret, new SecretContext(Tenant, SecretField.WebhookSecret));
        var record = new TenantRecord
        {
            TenantId = Tenant,
            ApplicationId = "acme-cold-chain",
            WebhookSecret = new WebhookSecretSet(
                sealedSecret: sealedSecret,
                lastFour: null,
                pendingSealed: null,
                previousSealed: null,
                previousValidUntil: null),
        };
        _ = store.TryWriteAsync(record).GetAwaiter().GetResult() ?? throw new InvalidOperationException("The tenant was not stored.");
    }

    private static async Task ReadBodyAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return;
            }
        }
    }

    private async Task SendAllAsync(string path, int count)
    {
        var next = -1;
        var workers = new Task[Concurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) < count)
                {
                    using var response = await Send(path);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
                    }
                }
            });
        }

        await Task.WhenAll(workers);
        if (path == ReceiverPath)
        {
            Interlocked.Add(ref _receiverRequests, count);
        }
    }

    private Task<HttpResponseMessage> Send(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Webhook-Secret", Secret);
        return _client.SendAsync(request);
    }

    /// <summary>A handler that only counts the messages it is given.</summary>
    private sealed class NoOpHandler(NoOpHandler.Counter counter) : ITtnMessageHandler
    {
        public Task HandleAsync(TtnWebhookContext context, CancellationToken cancellationToken)
        {
            counter.Add();
            return Task.CompletedTask;
        }

        internal sealed class Counter
        {
            private long _count;

            public long Count => Interlocked.Read(ref _count);

            public void Add() => Interlocked.Increment(ref _count);
        }
    }
}
