using System.Net;

namespace Ttn.Provisioning.Testing.Tests;

/// <summary>Faults aimed at one device registry and one cluster, as the registration fault matrix needs them.</summary>
public class RegistryFaultTests
{
    private static StringContent NetworkServerSet() => FakeTts.Json("""
        {"end_device":{"ids":{"device_id":"sensor-1"},"frequency_plan_id":"EU_863_870_TTN"},"field_mask":"frequency_plan_id"}
        """);

    private static async Task<FakeTts> CloudWithApplicationAsync()
    {
        var tts = FakeTts.Cloud();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        return tts;
    }

    [Fact]
    public async Task A_connection_dropped_after_the_identity_server_acted_leaves_the_device_created()
    {
        await using var tts = await CloudWithApplicationAsync();
        tts.Stack.Faults.Add(HttpMethod.Post, "/applications/*/devices", FakeFault.DropConnection(),
            timing: FakeFaultTiming.AfterOperation);
        using var client = tts.Client(tts.AliceKey, validate: true);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("/api/v3/applications/acme-app/devices", FakeTts.Json("""
            {"end_device":{"ids":{"device_id":"sensor-1","dev_eui":"70B3D57ED000ABCD","join_eui":"0000000000000000"}}}
            """)));

        Assert.True(Assert.Single(tts.Stack.EndDevices).InIdentityServer);
    }

    [Fact]
    public async Task A_fault_on_the_network_server_route_of_one_cluster_spares_the_other_registries_and_clusters()
    {
        await using var tts = await CloudWithApplicationAsync();
        tts.Stack.Faults.Add(HttpMethod.Put, "/ns/applications/*/devices/*", FakeFault.Status(503), cluster: "nam1");
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);
        using var eu1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);

        var faulted = await nam1.PutAsync("/api/v3/ns/applications/acme-app/devices/sensor-1", NetworkServerSet());
        var otherCluster = await eu1.PutAsync("/api/v3/ns/applications/acme-app/devices/sensor-1", NetworkServerSet());
        var otherRegistry = await nam1.PutAsync("/api/v3/as/applications/acme-app/devices/sensor-1", FakeTts.Json("""
            {"end_device":{"ids":{"device_id":"sensor-1"}},"field_mask":"ids.device_id"}
            """));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherCluster.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherRegistry.StatusCode);
        var device = Assert.Single(tts.Stack.EndDevices);
        Assert.False(device.In(FakeDeviceRegistry.NetworkServer, "nam1"));
        Assert.True(device.In(FakeDeviceRegistry.NetworkServer, "eu1"));
    }

    [Fact]
    public async Task A_join_server_set_dropped_after_acting_is_stored_in_that_cluster()
    {
        await using var tts = await CloudWithApplicationAsync();
        tts.Stack.Faults.Add(HttpMethod.Put, "/js/applications/*/devices/*", FakeFault.DropConnection(),
            timing: FakeFaultTiming.AfterOperation, cluster: "au1");
        using var au1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("au1"), validate: true);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            au1.PutAsync("/api/v3/js/applications/acme-app/devices/sensor-1", FakeTts.Json("""
            {"end_device":{"ids":{"device_id":"sensor-1","dev_eui":"70B3D57ED000ABCD","join_eui":"0000000000000000"},
              "root_keys":{"app_key":{"key":"00112233445566778899AABBCCDDEEFF"} } },
             "field_mask":"ids.dev_eui,ids.join_eui,root_keys.app_key.key"}
            """)));

        Assert.True(Assert.Single(tts.Stack.EndDevices).In(FakeDeviceRegistry.JoinServer, "au1"));
    }
}
