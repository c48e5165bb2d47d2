using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Ttn.Provisioning.Tests.Shared.Http;
using Ttn.Provisioning.Tests.Shared.OpenApi;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.ThingsStack;

/// <summary>
/// A FakeTimeProvider that reports each timer it creates, so a test can wait until a retry delay is scheduled
/// before moving the clock (no real waiting, no timing assertions).
/// </summary>
internal sealed class ObservableTimeProvider : FakeTimeProvider
{
    public ObservableTimeProvider()
    {
    }

    public ObservableTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    private readonly object _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<(TimeSpan Due, TaskCompletionSource Signal)> _waiters = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.Due == dueTime).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return timer;
    }

    /// <summary>Completes once a timer due in exactly <paramref name="dueTime"/> has been created.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime)
    {
        lock (_gate)
        {
            if (_dueTimes.Contains(dueTime))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, signal));
            return signal.Task;
        }
    }
}

/// <summary>Builds the client the way a host does, with a stub primary handler behind the OpenAPI validator.</summary>
internal sealed class ThingsStackTestHost : IDisposable
{
    public const string AdminKey = "NNSXS.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKL.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRSTUV";
    public static readonly Uri IdentityServer = new("https://eu1.cloud.thethings.network");
    public static readonly Uri Cluster = new("https://nam1.cloud.thethings.network");

    private readonly ServiceProvider _provider;

    public ThingsStackTestHost(Action<ThingsStackOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddFakeLogging();
        services.AddThingsStackClient(options =>
            {
                options.IdentityServerUri = IdentityServer;
                options.Clusters["nam1"] = Cluster;
                configure?.Invoke(options);
            })
            .AddHttpMessageHandler(() => new OpenApiValidatingHandler(Validator))
            .ConfigurePrimaryHttpMessageHandler(() => Stub);
        _provider = services.BuildServiceProvider();
    }

    public ObservableTimeProvider Time { get; } = new();

    public StubHttpHandler Stub { get; } = new();

    public OpenApiRequestValidator Validator { get; } = OpenApiRequestValidator.Shared.CreateRecorder();

    public IThingsStackClient Client => _provider.GetRequiredService<IThingsStackClient>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public HttpClient CreateNamedHttpClient() =>
        _provider.GetRequiredService<IHttpClientFactory>().CreateClient(ThingsStackClient.HttpClientName);

    public void Dispose() => _provider.Dispose();
}
