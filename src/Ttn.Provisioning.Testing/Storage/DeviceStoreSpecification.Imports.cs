using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;
using Xunit;

namespace Ttn.Provisioning.Testing.Storage;

/// <summary>Import jobs and their rows.</summary>
public abstract partial class DeviceStoreSpecification
{
    /// <summary>An import job with every field set to a distinct, non-default value (version 0: not written yet).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="jobId">The job.</param>
    /// <returns>The job.</returns>
    public static DeviceImportJob FullJob(string tenantId, string jobId) => new()
    {
        TenantId = tenantId,
        JobId = jobId,
        Fingerprint = "5f2b8c1e9a0d4b7e6c3f1a2b8d9e0c7f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d",
        TotalRows = 1200,
        State = DeviceImportState.InProgress,
        LeaseHolder = "0a1b2c3d4e5f6071",
        LeaseExpiresAt = BaseTime.AddMinutes(2),
        CreatedAt = BaseTime,
        UpdatedAt = BaseTime.AddSeconds(1),
        CompletedAt = BaseTime.AddMinutes(9),
    };

    /// <summary>A job that is not there reads as null; a new job is written at version 1 and reads back whole.</summary>
    [StoreFact]
    public async Task ImportJobsRoundTripEveryField()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        Assert.Null(await store.GetImportJobAsync("acme", "job-1").ConfigureAwait(false));
        var job = FullJob("acme", "job-1");

        var written = await store.TryWriteImportJobAsync(job).ConfigureAwait(false);

        Assert.Equal(job with { Version = 1 }, written);
        Assert.Equal(written, await store.GetImportJobAsync("acme", "job-1").ConfigureAwait(false));
        var cleared = written! with { State = DeviceImportState.Completed, LeaseHolder = null, LeaseExpiresAt = null, CompletedAt = null };
        Assert.Equal(cleared with { Version = 2 }, await store.TryWriteImportJobAsync(cleared).ConfigureAwait(false));
        Assert.Equal(cleared with { Version = 2 }, await store.GetImportJobAsync("acme", "job-1").ConfigureAwait(false));
    }

    /// <summary>A job write at a stale version, or a create of a job that exists, changes nothing and answers null.</summary>
    [StoreFact]
    public async Task ImportJobWritesAreCompareAndSwap()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var v1 = (await store.TryWriteImportJobAsync(FullJob("acme", "job-1")).ConfigureAwait(false))!;
        var v2 = (await store.TryWriteImportJobAsync(v1 with { TotalRows = 7 }).ConfigureAwait(false))!;

        Assert.Null(await store.TryWriteImportJobAsync(v1 with { TotalRows = 9 }).ConfigureAwait(false));
        Assert.Null(await store.TryWriteImportJobAsync(FullJob("acme", "job-1")).ConfigureAwait(false));
        Assert.Equal(v2, await store.GetImportJobAsync("acme", "job-1").ConfigureAwait(false));
        Assert.Null(await store.GetImportJobAsync("other", "job-1").ConfigureAwait(false));
    }

    /// <summary>Many runs taking one job from one version at once: exactly one wins.</summary>
    [StoreFact]
    public async Task ConcurrentJobWritersFromOneVersionHaveExactlyOneWinner()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var v1 = (await store.TryWriteImportJobAsync(FullJob("acme", "race")).ConfigureAwait(false))!;
        var winners = 0;

        await RaceAsync(async i =>
        {
            if (await store.TryWriteImportJobAsync(v1 with { LeaseHolder = $"run-{i}" }).ConfigureAwait(false) is not null)
            {
                Interlocked.Increment(ref winners);
            }
        }).ConfigureAwait(false);

        Assert.Equal(1, winners);
        Assert.Equal(2, (await store.GetImportJobAsync("acme", "race").ConfigureAwait(false))!.Version);
    }

    /// <summary>Rows are kept per tenant and job, replaced by row number, and listed in row order.</summary>
    [StoreFact]
    public async Task ImportRowsAreUpsertedByRowAndListedInRowOrder()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        DeviceImportRow Row(int n, DeviceOutcome outcome, string? reason = null) =>
            new() { Row = n, DeviceId = $"sensor-{n}", Outcome = outcome, Reason = reason };
        await store.SaveImportRowsAsync(
            "acme", "job-1", [Row(10, DeviceOutcome.Failed, "HTTP 503"), Row(2, DeviceOutcome.Conflict, "taken")]).ConfigureAwait(false);
        await store.SaveImportRowsAsync("acme", "job-2", [Row(1, DeviceOutcome.Registered)]).ConfigureAwait(false);
        await store.SaveImportRowsAsync("globex", "job-1", [Row(1, DeviceOutcome.AlreadyPresent)]).ConfigureAwait(false);

        await store.SaveImportRowsAsync("acme", "job-1", [Row(10, DeviceOutcome.Registered), Row(1, DeviceOutcome.RolledBack, "undone")])
            .ConfigureAwait(false);

        Assert.Equal(
            [Row(1, DeviceOutcome.RolledBack, "undone"), Row(2, DeviceOutcome.Conflict, "taken"), Row(10, DeviceOutcome.Registered)],
            await store.ListImportRowsAsync("acme", "job-1").ConfigureAwait(false));
        Assert.Equal([Row(1, DeviceOutcome.Registered)], await store.ListImportRowsAsync("acme", "job-2").ConfigureAwait(false));
        Assert.Empty(await store.ListImportRowsAsync("acme", "job-3").ConfigureAwait(false));
    }

    /// <summary>Rows of many devices written at once all land.</summary>
    [StoreFact]
    public async Task ConcurrentRowWritesAllLand()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);

        await RaceAsync(i => store.SaveImportRowsAsync(
            "acme", "job-1", [new DeviceImportRow { Row = i + 1, DeviceId = $"sensor-{i}", Outcome = DeviceOutcome.Registered }]))
            .ConfigureAwait(false);

        var rows = await store.ListImportRowsAsync("acme", "job-1").ConfigureAwait(false);
        Assert.Equal(Enumerable.Range(1, ConcurrentWriters), rows.Select(r => r.Row));
    }

    /// <summary>Deleting a job deletes its rows, and only its own.</summary>
    [StoreFact]
    public async Task DeletingAJobDeletesItsRows()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        await store.TryWriteImportJobAsync(FullJob("acme", "job-1")).ConfigureAwait(false);
        await store.TryWriteImportJobAsync(FullJob("acme", "job-2")).ConfigureAwait(false);
        var row = new DeviceImportRow { Row = 1, DeviceId = "sensor-1", Outcome = DeviceOutcome.Registered };
        await store.SaveImportRowsAsync("acme", "job-1", [row]).ConfigureAwait(false);
        await store.SaveImportRowsAsync("acme", "job-2", [row]).ConfigureAwait(false);

        Assert.True(await store.DeleteImportJobAsync("acme", "job-1").ConfigureAwait(false));
        Assert.False(await store.DeleteImportJobAsync("acme", "job-1").ConfigureAwait(false));

        Assert.Null(await store.GetImportJobAsync("acme", "job-1").ConfigureAwait(false));
        Assert.Empty(await store.ListImportRowsAsync("acme", "job-1").ConfigureAwait(false));
        Assert.Equal([row], await store.ListImportRowsAsync("acme", "job-2").ConfigureAwait(false));
    }
}
