using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;
using Ttn.Provisioning.Tests.Reliability;
using Ttn.Provisioning.ThingsStack;
using static Ttn.Provisioning.Tests.Devices.DeviceSamples;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>Importing devices from a The Things Stack CSV file or a list of definitions, as a resumable job.</summary>
public sealed class DeviceImportTests
{
    [Fact]
    public async Task A_csv_file_is_imported_with_a_result_per_row_and_progress_and_a_conflicting_row_is_reported()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        using var other = new OtherAccount(host.Fake);
        await other.CreateApplicationAsync("their-app");
        using (var direct = new FakeDirect(host.Fake, other.Key))
        {
            await direct.CreateIdentityServerDeviceAsync("their-app", "their-sensor", DevEui(3), JoinEui);
        }

        var progress = new RecordingProgress();
        var result = await host.Devices.ImportDevicesAsync(
            As(TenantRole.Manager), Utf8(Csv(5)), new DeviceImportOptions { Progress = progress, MaxConcurrency = 2 });

        Assert.Equal(ProvisioningOutcome.Succeeded, result.Outcome);
        Assert.Equal(5, result.TotalRows);
        Assert.Equal(4, result.Registered);
        Assert.Equal(1, result.Conflicts);
        var conflict = Assert.Single(result.Rows, r => r.Outcome == DeviceOutcome.Conflict);
        Assert.Equal(3, conflict.Row);
        Assert.Contains("their-app", conflict.Reason, StringComparison.Ordinal);
        Assert.Equal(4, host.Fake.EndDevices.Count(d => d.ApplicationId != "their-app" && d.Records.Count == 4));
        var last = progress.Reports.MaxBy(p => p.Done + p.Failed)!;
        Assert.Equal((4, 1, 0, 5), (last.Done, last.Failed, last.Remaining, last.Total));
        Assert.Equal(5, progress.Reports.Count);
        Assert.Equal(result.Rows, await host.DeviceStore.ListImportRowsAsync("acme", result.JobId!));
    }

    [Fact]
    public async Task An_invalid_dev_eui_among_valid_rows_stops_the_import_before_any_request()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        var csv = Csv(3).Replace(DevEui(2), "70B3D57ED00000XY", StringComparison.Ordinal);
        host.Fake.Journal.Clear();

        var result = await host.Devices.ImportDevicesAsync(Owner(), Utf8(csv));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal((2, 2, "dev_eui"), (error.Row, error.Column, error.ColumnName));
        Assert.Equal(3, result.TotalRows);
        Assert.Empty(result.Rows);
        Assert.Empty(host.Fake.Journal.Entries);
        Assert.Equal(0, host.DeviceStore.Writes);
    }

    [Fact]
    public async Task A_dry_run_validates_every_row_and_sends_nothing()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        host.Fake.Journal.Clear();

        var result = await host.Devices.ImportDevicesAsync(Owner(), Utf8(Csv(4)), new DeviceImportOptions { DryRun = true });

        Assert.Equal(ProvisioningOutcome.Succeeded, result.Outcome);
        Assert.True(result.IsDryRun);
        Assert.Equal(4, result.TotalRows);
        Assert.Empty(result.ValidationErrors);
        Assert.Empty(host.Fake.Journal.Entries);
        Assert.Empty(host.Fake.EndDevices);
    }

    [Fact]
    public async Task Rows_without_a_frequency_plan_take_the_default_of_the_import_and_are_errors_without_one()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        const string csv = "dev_eui,app_eui,app_key\n70B3D57ED0000001,70B3D57ED0000000,2B7E151628AED2A6ABF7158809CF0001\n";

        var missing = await host.Devices.ImportDevicesAsync(Owner(), Utf8(csv));
        var defaulted = await host.Devices.ImportDevicesAsync(
            Owner(),
            Utf8(csv),
            new DeviceImportOptions { FrequencyPlanId = "EU_863_870_TTN", LorawanVersion = "MAC_V1_0_3", LorawanPhyVersion = "RP001_V1_0_3_REV_A" });

        Assert.Equal(3, missing.ValidationErrors.Count);
        Assert.All(missing.ValidationErrors, e => Assert.Equal(1, e.Row));
        Assert.Equal(ProvisioningOutcome.Succeeded, defaulted.Outcome);
        Assert.Equal("eui-70b3d57ed0000001", Assert.Single(defaulted.Rows).DeviceId);
        Assert.Equal(1, defaulted.Registered);
    }

    [Fact]
    public async Task Definitions_that_repeat_an_id_or_an_eui_pair_are_refused_with_the_earlier_row()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);

        var result = await host.Devices.ImportDevicesAsync(Owner(), [Device(1), Device(2, id: "sensor-1"), Device(1, id: "copy")]);

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Equal([2, 3], result.ValidationErrors.Select(e => e.Row!.Value));
        Assert.All(result.ValidationErrors, e => Assert.Contains("row 1", e.Message, StringComparison.Ordinal));
        Assert.Empty(host.Fake.EndDevices);
    }

    [Fact]
    public async Task Devices_already_registered_are_reported_already_present_without_a_second_create()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        await host.Devices.ImportDevicesAsync(Owner(), Utf8(Csv(3)));
        host.Fake.Journal.Clear();

        var again = await host.Devices.ImportDevicesAsync(Owner(), Utf8(Csv(3)));

        Assert.Equal(3, again.AlreadyPresent);
        Assert.DoesNotContain(host.Fake.Journal.Entries, e => e.Method == "POST");
        Assert.Equal(3, host.Fake.EndDevices.Count);
    }

    [Fact]
    public async Task An_import_run_again_after_its_caller_cancelled_continues_with_the_rows_not_done()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        using var cancel = new CancellationTokenSource();
        var stopAfterTwo = new RecordingProgress(p =>
        {
            if (p.Done == 2)
            {
                cancel.Cancel();
            }
        });
        var options = new DeviceImportOptions { JobId = "job-1", MaxConcurrency = 1, Progress = stopAfterTwo };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.Devices.ImportDevicesAsync(Owner(), Utf8(Csv(6)), options, cancel.Token));
        var resumed = await host.Devices.ImportDevicesAsync(Owner(), Utf8(Csv(6)), new DeviceImportOptions { JobId = "job-1" });

        Assert.Equal(ProvisioningOutcome.Succeeded, resumed.Outcome);
        Assert.Equal(2, resumed.ResumedRows);
        Assert.Equal(6, resumed.Rows.Count(r => r.Succeeded));
        Assert.Equal(6, host.Fake.EndDevices.Count);
        Assert.All(host.Fake.EndDevices, d => Assert.Equal(4, d.Records.Count));
    }

    [Fact]
    public async Task A_job_run_again_with_other_devices_is_refused()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        await host.Devices.ImportDevicesAsync(Owner(), Utf8(Csv(2)), new DeviceImportOptions { JobId = "job-1" });

        var other = await host.Devices.ImportDevicesAsync(Owner(), Utf8(Csv(2, first: 5)), new DeviceImportOptions { JobId = "job-1" });

        Assert.Equal(ProvisioningOutcome.Failed, other.Outcome);
        Assert.Contains("other devices", other.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Fake.EndDevices.Count);
    }

    [Fact]
    public async Task A_job_another_run_holds_answers_already_in_progress_and_sends_nothing_for_it()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        var hang = host.Fake.Faults.Add(HttpMethod.Post, "applications/*/devices", FakeFault.Delay(FaultInjection.Hang), onCall: 1);
        var options = new DeviceImportOptions { JobId = "job-1", MaxConcurrency = 1 };
        var first = host.Devices.ImportDevicesAsync(Owner(), Utf8(Csv(2)), options);
        await FaultInjection.WaitUntilAsync(() => hang.AppliedCount == 1);
        var posts = host.Fake.Journal.Entries.Count(e => e.Method == "POST");

        var second = await host.Devices.ImportDevicesAsync(Owner(), Utf8(Csv(2)), options);

        Assert.Equal(ProvisioningOutcome.AlreadyInProgress, second.Outcome);
        Assert.Equal(posts, host.Fake.Journal.Entries.Count(e => e.Method == "POST"));
        host.Time.Advance(FaultInjection.Hang);
        Assert.Equal(ProvisioningOutcome.Succeeded, (await first.WaitAsync(TimeSpan.FromSeconds(30))).Outcome);
    }

    [Fact]
    public async Task No_more_devices_are_registered_at_once_than_the_import_allows()
    {
        var gate = new Hold(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/devices", StringComparison.Ordinal));
        await using var host = new ProvisioningTestHost(
            services: s => s.AddHttpClient(ThingsStackClient.HttpClientName).AddHttpMessageHandler(() => new HoldingHandler(gate)));
        await ReadyTenantAsync(host);

        var import = host.Devices.ImportDevicesAsync(Owner(), Utf8(Csv(10)), new DeviceImportOptions { MaxConcurrency = 3 });
        await FaultInjection.WaitUntilAsync(() => gate.Held == 3);
        gate.Open();
        var result = await import.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(10, result.Registered);
        Assert.Equal(3, gate.MaxHeld);
    }

    [Fact]
    public async Task An_import_that_would_pass_the_device_limit_is_refused_before_any_write()
    {
        await using var host = new ProvisioningTestHost(devices: o => o.MaxDevicesPerTenant = 3);
        await ReadyTenantAsync(host);
        await host.Devices.RegisterDeviceAsync(Owner(), Device(1));
        host.Fake.Journal.Clear();

        var result = await host.Devices.ImportDevicesAsync(Owner(), Utf8(Csv(4)));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Contains("limit is 3", result.Error!.Message, StringComparison.Ordinal);
        Assert.All(host.Fake.Journal.Entries, e => Assert.Equal("GET", e.Method));
        Assert.Single(host.Fake.EndDevices);
    }

    internal static MemoryStream Utf8(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>An <see cref="IProgress{T}"/> that keeps every report, in the thread that reports (unlike Progress).</summary>
    internal sealed class RecordingProgress(Action<DeviceImportProgress>? onReport = null) : IProgress<DeviceImportProgress>
    {
        private readonly Lock _gate = new();
        private readonly List<DeviceImportProgress> _reports = [];

        public IReadOnlyList<DeviceImportProgress> Reports
        {
            get
            {
                lock (_gate)
                {
                    return [.. _reports];
                }
            }
        }

        public void Report(DeviceImportProgress value)
        {
            lock (_gate)
            {
                _reports.Add(value);
            }

            onReport?.Invoke(value);
        }
    }

    /// <summary>Which requests are held until opened, and how many were held at once.</summary>
    private sealed class Hold(Func<HttpRequestMessage, bool> matches)
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _held;
        private int _maxHeld;

        public int Held => Volatile.Read(ref _held);

        public int MaxHeld => Volatile.Read(ref _maxHeld);

        public Task Opened => _open.Task;

        public bool Matches(HttpRequestMessage request) => matches(request);

        public void Open() => _open.TrySetResult();

        public void Enter()
        {
            var held = Interlocked.Increment(ref _held);
            for (var max = Volatile.Read(ref _maxHeld); held > max; max = Volatile.Read(ref _maxHeld))
            {
                if (Interlocked.CompareExchange(ref _maxHeld, held, max) == max)
                {
                    return;
                }
            }
        }

        public void Leave() => Interlocked.Decrement(ref _held);
    }

    /// <summary>Holds the requests the <see cref="Hold"/> matches until it is opened.</summary>
    private sealed class HoldingHandler(Hold hold) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!hold.Matches(request))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            hold.Enter();
            try
            {
                await hold.Opened.WaitAsync(cancellationToken);
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                hold.Leave();
            }
        }
    }
}
