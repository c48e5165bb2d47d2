using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.Sample;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.Benchmarks.Devices;

/// <summary>The import benchmark's host: a FakeThingsStack behind a recorder adding 50 ms per request, and the services.</summary>
internal static class ImportHost
{
    public static (FakeThingsStack Fake, RequestRecorder Recorder, ServiceProvider Provider) Start()
    {
        var fake = new FakeThingsStack();
        fake.AddUser("ops-admin", isAdmin: true);
        var recorder = new RequestRecorder { SimulatedLatency = TimeSpan.FromMilliseconds(50) };
        var services = new ServiceCollection().AddLogging();
        services.AddTtnProvisioning(o =>
            {
                o.ThingsStack.IdentityServerUri = new Uri("https://eu1.cloud.thethings.network");
                o.AdminApiKey = fake.CreateUserApiKey("ops-admin", "RIGHT_ALL");
                o.WebhookBaseUrl = new Uri("https://saas.example.com/ttn/webhook");
                o.Secrets.Keys.Add(new SecretKeyOptions { Id = "bench", Key = SecretProtectionOptions.GenerateKey() });
                o.Secrets.PrimaryKeyId = "bench";
            })
            .ConfigureHttpClient(http => http
                .AddHttpMessageHandler(recorder.CreateHandler)
                .ConfigurePrimaryHttpMessageHandler(fake.CreateHandler))
            .AddDevices();
        return (fake, recorder, services.BuildServiceProvider());
    }
}
