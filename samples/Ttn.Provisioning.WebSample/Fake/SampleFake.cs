using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.WebSample.Fake;

/// <summary>
/// SAMPLE ONLY: the in-process FakeThingsStack the sample runs against without configuration, laid out as TTN Cloud (the
/// Identity Server with cluster eu1, and clusters nam1 and au1, each on a loopback port), with an admin user and its key.
/// Holds the sample's two toys: fault injection and "simulate uplink".
/// </summary>
public sealed class SampleFake : IAsyncDisposable
{
    /// <summary>The clusters of the fake, the default first.</summary>
    public static readonly IReadOnlyList<string> ClusterNames = ["eu1", "nam1", "au1"];

    private const string AdminUser = "ops-admin";
    private const string OtherUser = "someone-else";
    private readonly LoopbackDelivery _delivery;
    private readonly HttpClient _http;
    private readonly Lock _gate = new();
    private readonly List<ArmedFault> _armed = [];
    private string? _otherKey;

    private SampleFake(FakeThingsStack stack, string adminKey, LoopbackDelivery delivery)
    {
        Stack = stack;
        AdminKey = adminKey;
        _delivery = delivery;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The fake.</summary>
    public FakeThingsStack Stack { get; }

    /// <summary>The admin user's API key (every right): what the library provisions with, and what simulates uplinks.</summary>
    public string AdminKey { get; }

    /// <summary>The Identity Server's address.</summary>
    public Uri IdentityServer => Stack.ServerUri!;

    /// <summary>The faults waiting for the next run.</summary>
    public IReadOnlyList<ArmedFault> Armed
    {
        get
        {
            lock (_gate)
            {
                return [.. _armed];
            }
        }
    }

    /// <summary>Starts the fake on loopback ports; its webhook deliveries go to the address <paramref name="self"/> gives.</summary>
    public static async Task<SampleFake> StartAsync(Func<Uri?> self)
    {
        var delivery = new LoopbackDelivery(self);
        var stack = new FakeThingsStack(new FakeThingsStackOptions { WebhookDeliveryHandler = () => delivery }.UseTheThingsNetworkCloud());
        stack.AddUser(AdminUser, isAdmin: true);
        var adminKey = stack.CreateUserApiKey(AdminUser, "RIGHT_ALL");
        await stack.StartServerAsync().ConfigureAwait(false);
        return new SampleFake(stack, adminKey, delivery);
    }

    /// <summary>The address of a cluster's server.</summary>
    public Uri ClusterUri(string cluster) => Stack.GetServerUri(cluster)!;

    /// <summary>
    /// Makes every request of the next run to this step fail with <paramref name="fault"/> (one run: the fault is removed
    /// once it was applied and the operation finished, see <see cref="DisarmSpent"/>).
    /// </summary>
    public void Arm(FaultableStep step, FakeFault fault, string armedBy)
    {
        ArgumentNullException.ThrowIfNull(step);
        var rule = Stack.Faults.Add(new HttpMethod(step.Method), step.PathPattern, fault);
        lock (_gate)
        {
            _armed.Add(new ArmedFault(step, fault.ToString(), armedBy, rule));
        }
    }

    /// <summary>Removes the faults that were applied: called after each operation, so a fault spoils one run only.</summary>
    public void DisarmSpent()
    {
        lock (_gate)
        {
            foreach (var spent in _armed.Where(a => a.Rule.AppliedCount > 0).ToList())
            {
                Stack.Faults.Remove(spent.Rule);
                _armed.Remove(spent);
            }
        }
    }

    /// <summary>
    /// Asks the cluster's Application Server to simulate an uplink of a device (<c>POST …/up/simulate</c>, as the TTS
    /// console does): TTS then posts it to the application's webhooks, this sample's receiver among them. The reading and
    /// the gateway's RSSI and SNR vary from call to call so the chart has something to draw.
    /// </summary>
    /// <returns>Null when the uplink was delivered; otherwise why not.</returns>
    public async Task<string?> SimulateUplinkAsync(
        string applicationId, string deviceId, string cluster, CancellationToken cancellationToken)
    {
        var deliveredBefore = Stack.Deliveries.Count;
        var uri = new Uri(ClusterUri(cluster),
            $"api/v3/as/applications/{Uri.EscapeDataString(applicationId)}/devices/{Uri.EscapeDataString(deviceId)}/up/simulate");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent(Reading(deviceId)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return $"The Things Stack answered {(int)response.StatusCode} to up/simulate.";
        }

        var deliveries = Stack.Deliveries.Skip(deliveredBefore).ToList();
        return deliveries.Count == 0 ? "No webhook of the application takes uplinks (is the tenant provisioned, and enabled?)."
            : deliveries.FirstOrDefault(d => !d.Succeeded) is { } failed ? $"The delivery to the webhook failed: {failed.Failure}."
            : null;
    }

    /// <summary>
    /// Another account of the same Things Stack creates an application with this id, as happens when an id is taken
    /// before the tenant gets to it: the library then answers "use start fresh", which picks a collision-safe id.
    /// </summary>
    /// <returns>Null when the id is now taken; otherwise why not.</returns>
    public async Task<string?> TakeApplicationIdAsync(string applicationId, CancellationToken cancellationToken)
    {
        string key;
        lock (_gate)
        {
            if (!Stack.ApiKeys.Any(k => k.EntityId == OtherUser))
            {
                Stack.AddUser(OtherUser);
                _otherKey = Stack.CreateUserApiKey(OtherUser, "RIGHT_ALL");
            }

            key = _otherKey!;
        }

        var body = new JsonObject
        {
            ["application"] = new JsonObject
            {
                ["ids"] = new JsonObject { ["application_id"] = applicationId },
                ["name"] = "Taken by someone else",
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(IdentityServer, $"api/v3/users/{OtherUser}/applications"))
        {
            Content = JsonContent(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? null : $"The Things Stack answered {(int)response.StatusCode}: the id is not free.";
    }

    private static JsonObject Reading(string deviceId)
    {
        var random = Random.Shared;
        var temperature = Math.Round(3 + (random.NextDouble() * 4), 2);
        var humidity = random.Next(45, 80);
        var payload = new byte[3];
        BinaryPrimitives.WriteInt16BigEndian(payload, (short)Math.Round(temperature * 100));
        payload[2] = (byte)humidity;
        var rssi = -60 - random.Next(0, 45) - (deviceId.Length % 5);
        var snr = Math.Round(12 - ((-60 - rssi) / 4.0) + (random.NextDouble() * 3), 2);
        return new JsonObject
        {
            ["uplink_message"] = new JsonObject
            {
                ["f_port"] = 2,
                ["frm_payload"] = Convert.ToBase64String(payload),
                ["decoded_payload"] = new JsonObject { ["temperature_c"] = temperature, ["humidity_pct"] = humidity },
                ["rx_metadata"] = new JsonArray(new JsonObject
                {
                    ["gateway_ids"] = new JsonObject { ["gateway_id"] = "sample-gateway-1", ["eui"] = "00800000A0000001" },
                    ["rssi"] = rssi,
                    ["channel_rssi"] = rssi,
                    ["snr"] = snr,
                }),
            },
        };
    }

    private static StringContent JsonContent(JsonObject body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Stack.DisposeAsync().ConfigureAwait(false);
        _delivery.Dispose();
    }
}

/// <summary>SAMPLE ONLY: a fault waiting for the next run.</summary>
public sealed record ArmedFault(FaultableStep Step, string Fault, string ArmedBy, FakeFaultRule Rule)
{
    /// <summary>What the page shows.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Step.Label}: {Fault} (armed by {ArmedBy})");
}
