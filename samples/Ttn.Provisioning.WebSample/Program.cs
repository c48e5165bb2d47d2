// The Ttn.Provisioning web sample: a tenant's Things Stack panel (status, credentials, actions, live uplinks) on
// http://127.0.0.1:5080, against an in-process FakeThingsStack unless a Things Stack is named on the command line.
using Ttn.Provisioning.Sample;
using Ttn.Provisioning.WebSample;

if (args.Any(a => a is "-h" or "--help"))
{
    Console.WriteLine(SampleSettings.Usage.Replace(
        "samples/Ttn.Provisioning.Sample", "samples/Ttn.Provisioning.WebSample", StringComparison.Ordinal));
    Console.WriteLine($"  The web sample also takes --urls (default {WebSampleApp.DefaultUrl}).");
    return 0;
}

WebSampleApp sample;
try
{
    sample = await WebSampleApp.BuildAsync(args);
}
catch (SampleUsageException bad)
{
    Console.Error.WriteLine(bad.Message);
    return 2;
}

await using (sample)
{
    await sample.StartAsync();
    Console.WriteLine($"Ttn.Provisioning web sample: open {sample.Address} and sign in as a demo user (Ctrl+C stops it).");
    Console.WriteLine($"Things Stack: {sample.ThingsStack}.");
    await sample.App.WaitForShutdownAsync();
}

return 0;
