using System.Diagnostics.CodeAnalysis;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>The answer of one request to The Things Stack as a value: what it returned, or how it failed.</summary>
/// <typeparam name="T">What the request returns.</typeparam>
internal readonly struct TtsResult<T>
{
    private TtsResult(T? value, TtsFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>What the request returned, when it succeeded.</summary>
    public T? Value { get; }

    /// <summary>How it failed; null when it succeeded.</summary>
    public TtsFailure? Failure { get; }

    /// <summary>Whether the request succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Failure))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Failure is null;

    public static TtsResult<T> Ok(T value) => new(value, null);

    public static implicit operator TtsResult<T>(TtsFailure failure) => new(default, failure);
}

/// <summary>
/// Counts the requests sent to The Things Stack within one operation: the operation starts a count, and the client adds
/// each request it sends (every page of a listing, but not retries of one request) to the count of the flow it runs in.
/// </summary>
internal sealed class TtsRequestCounter
{
    private static readonly AsyncLocal<TtsRequestCounter?> Current = new();
    private int _count;

    /// <summary>The requests counted so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Starts counting the requests of the current asynchronous flow (and of the tasks it starts).</summary>
    public static TtsRequestCounter Start()
    {
        var counter = new TtsRequestCounter();
        Current.Value = counter;
        return counter;
    }

    /// <summary>Adds one request to the count of the current flow, if one is counting.</summary>
    public static void Add()
    {
        if (Current.Value is { } counter)
        {
            Interlocked.Increment(ref counter._count);
        }
    }
}
