using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// What one running operation has: who called, the tenant's record (leased or only read), the admin key when the
/// operation needs one, the clock, and the way to call The Things Stack, which turns every expected failure into a value.
/// </summary>
internal sealed class OperationContext
{
    private readonly TimeProvider _time;
    private readonly TtsRequestCounter _requests;
    private readonly TenantRecord? _readRecord;
    private readonly string? _adminKey;

    public OperationContext(
        ProvisioningCaller caller,
        TimeProvider time,
        TtsRequestCounter requests,
        TenantRun? run,
        TenantRecord? readRecord,
        string? adminKey)
    {
        Caller = caller;
        _time = time;
        _requests = requests;
        Run = run;
        _readRecord = readRecord;
        _adminKey = adminKey;
    }

    /// <summary>Who asked.</summary>
    public ProvisioningCaller Caller { get; }

    /// <summary>The tenant acted on.</summary>
    public string TenantId => Caller.TenantId;

    /// <summary>The run holding the tenant's lease; null for an operation that only reads.</summary>
    public TenantRun? Run { get; }

    /// <summary>The run holding the tenant's lease.</summary>
    public TenantRun LeasedRun => Run ?? throw new InvalidOperationException("This operation does not hold the tenant's lease.");

    /// <summary>The tenant's record: as the run last wrote it, or as it was read; null when the tenant has none.</summary>
    public TenantRecord? Record => Run?.Record ?? _readRecord;

    /// <summary>The admin (user) API key, for operations that need it.</summary>
    public string AdminKey => _adminKey ?? throw new InvalidOperationException("This operation was not given the admin API key.");

    /// <summary>The current time.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>How many requests the operation has sent to The Things Stack so far.</summary>
    public int RequestCount => _requests.Count;

    /// <summary>
    /// Sends one request to The Things Stack (after making sure the lease outlasts it) and returns what it returned, or how
    /// it failed. Only the caller's cancellation and unexpected exceptions propagate.
    /// </summary>
    /// <param name="what">What is being done, for the failure's message (e.g. "Creating the application").</param>
    /// <param name="call">The request.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async Task<TtsResult<T>> CallAsync<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        if (Run is not null)
        {
            await Run.EnsureLeaseCoversCallAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return TtsResult<T>.Ok(await call().ConfigureAwait(false));
        }
        catch (Exception exception) when (TtsFailure.From(what, exception, cancellationToken) is { } failure)
        {
            return failure;
        }
    }

    /// <summary>Sends one request that returns nothing; null when it succeeded, otherwise how it failed.</summary>
    public async Task<TtsFailure?> CallAsync(string what, Func<Task> call, CancellationToken cancellationToken)
    {
        var result = await CallAsync(
            what,
            async () =>
            {
                await call().ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return result.Failure;
    }

    /// <summary>Reads a paged listing to its end, making sure the lease outlasts each page's request.</summary>
    public async Task<TtsResult<IReadOnlyList<T>>> ListAsync<T>(
        string what, Func<IAsyncEnumerable<T>> list, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        try
        {
            var pages = list().GetAsyncEnumerator(cancellationToken);
            await using (pages.ConfigureAwait(false))
            {
                while (true)
                {
                    if (Run is not null)
                    {
                        await Run.EnsureLeaseCoversCallAsync(cancellationToken).ConfigureAwait(false);
                    }

                    if (!await pages.MoveNextAsync().ConfigureAwait(false))
                    {
                        return TtsResult<IReadOnlyList<T>>.Ok(items);
                    }

                    items.Add(pages.Current);
                }
            }
        }
        catch (Exception exception) when (TtsFailure.From(what, exception, cancellationToken) is { } failure)
        {
            return failure;
        }
    }
}
