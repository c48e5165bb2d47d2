using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;

namespace Ttn.Provisioning.Tests.Reliability;

/// <summary>The faults of the matrix (issue 6, part 1).</summary>
public enum Fault
{
    /// <summary>HTTP 500 instead of the operation.</summary>
    Http500,

    /// <summary>HTTP 503 instead of the operation.</summary>
    Http503,

    /// <summary>HTTP 429 rate_limit_exceeded with X-Rate-Limit-Retry, instead of the operation.</summary>
    RateLimited,

    /// <summary>No answer within the attempt timeout (the fake's Delay, on fake time).</summary>
    Timeout,

    /// <summary>TTS acted, then the connection dropped: the response is lost.</summary>
    DroppedConnection,

    /// <summary>TTS acted, then the host died before the store write that records it.</summary>
    CrashBeforeStoreWrite,
}

/// <summary>Where a fault is injected: a route of the fake, and the store write that records that route's success.</summary>
/// <param name="Name">What is faulted, for the test name.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Route">The fake's route pattern.</param>
public sealed record FaultPoint(string Name, string Method, string Route)
{
    public override string ToString() => Name;
}

/// <summary>Arms a fault on the fake or the store and drives the clock through it.</summary>
internal static class FaultInjection
{
    /// <summary>The faults injected at a route of the fake (all but the crash, which is injected at the store).</summary>
    public static readonly Fault[] RouteFaults = [Fault.Http500, Fault.Http503, Fault.RateLimited, Fault.Timeout, Fault.DroppedConnection];

    /// <summary>The wait a rate-limited answer asks for.</summary>
    public static readonly TimeSpan RateLimitWait = TimeSpan.FromSeconds(3);

    /// <summary>The attempt timeout of the client (the library's default).</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How long a timed-out request hangs: longer than the attempt timeout, and a duration nothing else uses.</summary>
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(47);

    /// <summary>How far the clock moves after a crash so that the dead run's lease can be taken over.</summary>
    public static readonly TimeSpan PastLease = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1);

    public static FakeFault ToFakeFault(Fault fault) => fault switch
    {
        Fault.Http500 => FakeFault.Status(500),
        Fault.Http503 => FakeFault.Status(503),
        Fault.RateLimited => FakeFault.RateLimited(RateLimitWait),
        Fault.Timeout => FakeFault.Delay(Hang),
        Fault.DroppedConnection => FakeFault.DropConnection(),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "A crash is injected at the store."),
    };

    public static FakeFaultTiming TimingOf(Fault fault) =>
        fault == Fault.DroppedConnection ? FakeFaultTiming.AfterOperation : FakeFaultTiming.BeforeOperation;

    /// <summary>Arms a route fault on the first matching call; returns the rule so the test can check it fired.</summary>
    public static FakeFaultRule Arm(ProvisioningTestHost host, FaultPoint point, Fault fault) =>
        host.Fake.Faults.Add(new HttpMethod(point.Method), point.Route, ToFakeFault(fault), onCall: 1, TimingOf(fault));

    /// <summary>
    /// Runs an operation under an armed fault. A timeout is driven on fake time: once the hanging request is the only
    /// one in flight, the clock moves past the attempt timeout. A crash (the store throws) is "survived": the store
    /// recovers and the clock moves past the dead run's lease. Returns null when the host crashed.
    /// </summary>
    public static async Task<T?> RunAsync<T>(ProvisioningTestHost host, Fault fault, Func<Task<T>> operation)
        where T : class
    {
        var running = operation();
        if (fault == Fault.Timeout)
        {
            var hanging = host.Time.WaitForTimerAsync(Hang);
            if (await Task.WhenAny(running, hanging).WaitAsync(TimeSpan.FromSeconds(30)) == hanging)
            {
                await WaitUntilAsync(() => host.InFlight == 1);
                host.Time.Advance(AttemptTimeout);
            }
        }

        if (fault != Fault.CrashBeforeStoreWrite)
        {
            return await running.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await Assert.ThrowsAsync<IOException>(() => running.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(host.CrashStore.Crashed);
        host.CrashStore.Recover();
        host.Time.Advance(PastLease);
        return null;
    }

    /// <summary>Makes the store "crash" on the first write that matches (the write that would record TTS's success).</summary>
    public static void CrashOn(ProvisioningTestHost host, Func<TenantRecord, bool> write) => host.CrashStore.CrashWhen = write;

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        Assert.True(condition(), "The condition was not reached in time.");
    }
}
