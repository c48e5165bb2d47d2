using Ttn.Provisioning.Sample;

namespace Ttn.Provisioning.Tests.Documentation;

/// <summary>The sample's walk holds against a correct Things Stack, whatever its latency.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task Walk_passes_against_a_things_stack_that_answers_at_once()
    {
        // The fake served on loopback without simulated latency stands for a Things Stack on the same host: requests
        // sent together are answered before the next one leaves, so they do not overlap in time.
        var (fake, uri, adminKey) = await SampleEnvironment.StartFakeServerAsync();
        await using (fake)
        {
            var settings = new SampleSettings { IdentityServer = uri, Cluster = uri };
            await using var environment = SampleEnvironment.Connect(settings, adminKey);
            var report = new Report(environment.Recorder);

            await new Walkthrough(environment, settings, report).RunAsync();

            Assert.Equal(0, report.Failures);
            Assert.True(report.Checks >= 10, $"{report.Checks} checks ran");
        }
    }

    [Fact]
    public async Task Walk_passes_with_the_second_tenant_on_another_cluster_of_ttn_cloud()
    {
        // The sample's own layout (TTN Cloud: eu1 with the Identity Server, nam1, au1), without the simulated latency:
        // the second tenant lives on nam1 and every one of its cluster requests must reach nam1 only.
        var settings = new SampleSettings();
        await using var environment = await SampleEnvironment.StartFakeAsync(settings, simulateLatency: false);
        var report = new Report(environment.Recorder);

        await new Walkthrough(environment, settings, report).RunAsync();

        Assert.Equal(0, report.Failures);
        Assert.Equal("nam1", environment.OtherCluster);
        Assert.Contains(environment.Fake!.Journal.Entries, e => e.Cluster == "nam1");
    }

    [Fact]
    public async Task Import_devices_command_registers_the_rows_of_a_csv_file_into_the_sample_tenant()
    {
        var (fake, uri, adminKey) = await SampleEnvironment.StartFakeServerAsync();
        var path = Path.Combine(Path.GetTempPath(), $"ttn-sample-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, Ttn.Provisioning.Tests.Devices.DeviceSamples.Csv(3));
        try
        {
            await using (fake)
            {
                var settings = new SampleSettings { IdentityServer = uri, Cluster = uri, ImportDevicesPath = path };
                await using var environment = SampleEnvironment.Connect(settings, adminKey);

                var exitCode = await DeviceImportCommand.RunAsync(environment, settings, path);

                Assert.Equal(0, exitCode);
                Assert.Equal(3, fake.EndDevices.Count(d => d.Records.Count == 4));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
