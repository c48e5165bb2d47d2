// The Ttn.Provisioning sample: walks one tenant through its whole lifecycle and checks every answer.
// With no arguments it runs against an in-process FakeThingsStack; see SampleSettings.Usage for a real Things Stack.
using Ttn.Provisioning.Sample;

var settings = SampleSettings.Parse(args, out var error);
if (settings is null)
{
    Console.Error.WriteLine(error ?? SampleSettings.Usage);
    if (error is not null)
    {
        Console.Error.WriteLine(SampleSettings.Usage);
    }

    return error is null ? 0 : 2;
}

var failures = 0;
if (settings.UsesFake && settings.ImportDevicesPath is null)
{
    Report.Title("Ttn.Provisioning sample: the README's usage example, against an in-process FakeThingsStack");
    failures += await RunReadmeExampleAsync();
    Console.WriteLine();
}

SampleEnvironment environment;
if (settings.UsesFake)
{
    environment = await SampleEnvironment.StartFakeAsync(settings);
}
else
{
    var adminKey = Environment.GetEnvironmentVariable(SampleSettings.AdminKeyVariable);
    if (string.IsNullOrWhiteSpace(adminKey))
    {
        Console.Error.WriteLine($"Set {SampleSettings.AdminKeyVariable} to the admin (user) API key.");
        return 2;
    }

    environment = SampleEnvironment.Connect(settings, adminKey.Trim());
}

if (settings.ImportDevicesPath is { } importPath)
{
    await using (environment)
    {
        return await DeviceImportCommand.RunAsync(environment, settings, importPath);
    }
}

await using (environment)
{
    Report.Title($"Ttn.Provisioning sample: the lifecycle of tenant '{settings.TenantId}'");
    var clusters = string.Join(", ", environment.Clusters.Select(c => $"{c.Key} at {c.Value}"));
    Console.WriteLine(settings.UsesFake
        ? $"Things Stack: in-process FakeThingsStack laid out as TTN Cloud: Identity Server at {environment.IdentityServer}, "
            + $"clusters {clusters} (default {environment.DefaultCluster}), "
            + $"{SampleEnvironment.FakeLatency.TotalMilliseconds} ms simulated latency per request"
        : $"Things Stack: Identity Server {environment.IdentityServer}, cluster {environment.Cluster}");
    Console.WriteLine($"Webhook base URL: {settings.WebhookBaseUrl} (TTS would post uplinks there; the sample never receives them)");

    var report = new Report(environment.Recorder);
    try
    {
        await new Walkthrough(environment, settings, report).RunAsync();
    }
    catch (Exception exception)
    {
        // Expected outcomes are result values; an exception here is a bug or an unreachable Things Stack.
        Console.WriteLine();
        Console.WriteLine($"Unexpected exception: {exception.GetType().Name}: {exception.Message}");
        failures++;
    }

    failures += report.Failures;
    Console.WriteLine();
    Console.WriteLine($"{environment.Recorder.Count} TTS requests in total; {report.Checks - report.Failures} of {report.Checks} checks passed.");
}

Console.WriteLine(failures == 0
    ? "Done: every step did what was expected. Secrets were only ever shown by their last four characters."
    : $"FAILED: {failures} check(s) did not hold.");
return failures == 0 ? 0 : 1;

static async Task<int> RunReadmeExampleAsync()
{
    var (fake, uri, adminKey) = await SampleEnvironment.StartFakeServerAsync();
    await using (fake)
    {
        var ok = await ReadmeExample.RunAsync(uri, uri, adminKey, Ttn.Provisioning.Secrets.SecretProtectionOptions.GenerateKey());
        Console.WriteLine(ok ? "[ok]   the usage example provisioned tenant 'acme' and read its application key" : "[FAIL] the usage example did not finish");
        return ok ? 0 : 1;
    }
}
