using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Ttn.Provisioning.AspNetCore.Messages;
using Ttn.Provisioning.AspNetCore.Webhooks;

namespace Ttn.Provisioning.AspNetCore.Tests.Webhooks;

/// <summary>The background mode: 202 once queued, 503 when full, and what happens to queued messages when the host stops.</summary>
public sealed class BackgroundDispatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_queued_message_is_answered_202_and_handled_afterwards()
    {
        await using var host = await WebhookTestHost.StartAsync(o => o.Dispatch = TtnWebhookDispatch.Background);
        var (secret, application) = await host.ProvisionAsync();
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource<TtnWebhookContext>();
        host.Handled.OnHandle = async (context, _) =>
        {
            started.TrySetResult(context);
            await release.Task;
        };

        using var response = await host.PostAsync("acme", WebhookTestHost.BodyFor("join-accept.json", application), secret);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(TtnMessageKind.JoinAccept, (await started.Task.WaitAsync(Patience)).Message.Kind);
        Assert.Empty(host.Handled.All);
        release.SetResult();
    }

    [Fact]
    public async Task A_full_queue_answers_503_with_retry_after_instead_of_waiting()
    {
        await using var host = await WebhookTestHost.StartAsync(o =>
        {
            o.Dispatch = TtnWebhookDispatch.Background;
            o.QueueCapacity = 2;
        });
        var (secret, application) = await host.ProvisionAsync();
        var body = WebhookTestHost.BodyFor("uplink.json", application);
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        host.Handled.OnHandle = async (_, _) =>
        {
            started.TrySetResult();
            await release.Task;
        };
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("acme", body, secret)).StatusCode);
        await started.Task.WaitAsync(Patience);

        var queued = new[] { await host.PostAsync("acme", body, secret), await host.PostAsync("acme", body, secret) };
        using var full = await host.PostAsync("acme", body, secret);

        Assert.All(queued, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), full.Headers.RetryAfter?.Delta);
        release.SetResult();
    }

    [Fact]
    public async Task Stopping_drains_the_queue_and_refuses_new_messages()
    {
        await using var worker = new Worker(TimeSpan.FromSeconds(10));
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        worker.Handled.OnHandle = (_, _) =>
        {
            started.TrySetResult();
            return release.Task;
        };
        worker.Enqueue(3);
        await worker.Service.StartAsync(CancellationToken.None);
        await started.Task.WaitAsync(Patience);

        var stopping = worker.Service.StopAsync(CancellationToken.None);
        Assert.False(worker.Queue.TryEnqueue(Worker.Context()));
        release.SetResult();
        await stopping.WaitAsync(Patience);

        Assert.Equal(3, worker.Handled.Count);
        Assert.DoesNotContain(worker.Logs.GetSnapshot(), r => r.Message.Contains("dropped", StringComparison.Ordinal));
        Assert.Contains(worker.Logs.GetSnapshot(), r => r.Message.Contains("handled 3 queued messages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_drain_time_runs_out_the_rest_is_dropped_and_counted_in_the_log()
    {
        await using var worker = new Worker(TimeSpan.FromSeconds(5));
        var started = new TaskCompletionSource();
        worker.Handled.OnHandle = async (_, token) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, worker.Time, token);
        };
        worker.Enqueue(3);
        await worker.Service.StartAsync(CancellationToken.None);
        await started.Task.WaitAsync(Patience);

        var stopping = worker.Service.StopAsync(CancellationToken.None);
        worker.Time.Advance(TimeSpan.FromSeconds(5));
        await stopping.WaitAsync(Patience);

        Assert.Equal(0, worker.Handled.Count);
        var dropped = Assert.Single(worker.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("2 queued messages were dropped", dropped.Message, StringComparison.Ordinal);
    }

    /// <summary>The background worker alone, as AddTtnWebhooks registers it, on fake time.</summary>
    private sealed class Worker : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;

        public Worker(TimeSpan drainTimeout)
        {
            var services = new ServiceCollection();
            services.AddFakeLogging();
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<HandledMessages>();
            services.AddTtnWebhooks(o =>
            {
                o.Dispatch = TtnWebhookDispatch.Background;
                o.DrainTimeout = drainTimeout;
            }).AddTtnMessageHandler<RecordingHandler>();
            _provider = services.BuildServiceProvider();
        }

        public FakeTimeProvider Time { get; } = new();

        public IHostedService Service => _provider.GetServices<IHostedService>().Single();

        public WebhookQueue Queue => _provider.GetRequiredService<WebhookQueue>();

        public HandledMessages Handled => _provider.GetRequiredService<HandledMessages>();

        public FakeLogCollector Logs => _provider.GetFakeLogCollector();

        public static TtnWebhookContext Context() =>
            new("acme", TtnMessageParser.Default.Parse(Messages.TestBodies.Text("uplink.json")).Message!);

        public void Enqueue(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(Queue.TryEnqueue(Context()));
            }
        }

        public ValueTask DisposeAsync() => _provider.DisposeAsync();
    }
}
