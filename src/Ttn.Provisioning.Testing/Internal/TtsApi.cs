using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>A request as both the handler and the server hand it to the core.</summary>
internal sealed record FakeRequest(string Method, string Host, string Path, string Query, string? Body, string? Authorization);

/// <summary>An answer of the core; <see cref="Dropped"/> means the connection is dropped instead.</summary>
internal sealed class FakeResponse(int statusCode, string body)
{
    public int StatusCode { get; set; } = statusCode;

    public string Body { get; set; } = body;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Dropped { get; init; }

    public static FakeResponse Error(TtsError error) => new(error.HttpStatus, error.ToJson().ToJsonString());

    public static FakeResponse Drop() => new(0, "") { Dropped = true };
}

/// <summary>
/// The TTS HTTP API: parses a request, authenticates its API key, routes it to an endpoint and renders the
/// answer. Endpoints live in the partial files by entity. All state access is under <see cref="StateStore.Gate"/>.
/// </summary>
internal sealed partial class TtsApi
{
    private const string ApiPrefix = "/api/v3/";

    private readonly StateStore _state;
    private readonly FakeThingsStackOptions _options;
    private readonly Topology _topology;
    private readonly WebhookDeliverer _deliverer;
    private readonly Router _router = new();

    public TtsApi(StateStore state, FakeThingsStackOptions options, Topology topology, WebhookDeliverer deliverer)
    {
        _state = state;
        _options = options;
        _topology = topology;
        _deliverer = deliverer;
        MapAuthInfo();
        MapOrganizations();
        MapApplications();
        MapApiKeys();
        MapCollaborators();
        MapWebhooks();
        MapDevices();
        MapClusterDevices();
        MapDeviceLookups();
        MapGateways();
        MapGatewayServer();
        MapClaiming();
        MapSimulate();
    }

    /// <summary>
    /// Performs the operation under the state lock, then (outside it) whatever the endpoint left to do after the
    /// state change, such as webhook deliveries; returns the answer (never throws for API errors).
    /// </summary>
    public async Task<FakeResponse> HandleAsync(FakeRequest request, RouteTarget target, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!request.Path.StartsWith(ApiPrefix, StringComparison.Ordinal) || !target.Served)
        {
            return UnknownRoute();
        }
        var segments = request.Path[ApiPrefix.Length..].TrimEnd('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var handler = _router.Match(request.Method, segments, out var routeValues);
        if (handler is null)
        {
            return UnknownRoute();
        }
        try
        {
            var body = ParseBody(request.Body);
            ApiResult result;
            lock (_state.Gate)
            {
                var caller = Authenticate(request.Authorization, now);
                var context = new RequestContext(routeValues, ParseQuery(request.Query), body, caller, now, target.Cluster, request.Host);
                result = handler(context);
            }
            if (result.After is { } after)
            {
                await after(cancellationToken).ConfigureAwait(false);
            }
            var response = new FakeResponse(200, result.Body.ToJsonString());
            if (result.TotalCount is { } total)
            {
                response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
            }
            return response;
        }
        catch (TtsException e)
        {
            return FakeResponse.Error(e.Error);
        }
    }

    private static FakeResponse UnknownRoute() =>
        new(404, new JsonObject { ["code"] = 5, ["message"] = "error:unknown:unknown (not found)" }.ToJsonString());

    private static JsonObject ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }
        try
        {
            return JsonNode.Parse(body) as JsonObject
                ?? throw new TtsException(Errors.Validation("body", "request body must be a JSON object", "RequestValidationError"));
        }
        catch (JsonException e)
        {
            throw new TtsException(new TtsError(3, "pkg/jsonpb", "unmarshal_json", "failed to unmarshal JSON: {error}",
                new JsonObject { ["error"] = e.Message }));
        }
    }

    private static Dictionary<string, List<string>> ParseQuery(string query)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
            }
            list.Add(value);
        }
        return result;
    }

    /// <summary>Resolves the bearer API key. No header: anonymous (null). Bad or expired key: 401/400 as TTS answers.</summary>
    private Caller? Authenticate(string? authorization, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return null;
        }
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !authorization[..space].Equals("bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new TtsException(Errors.UnsupportedAuthorization());
        }
        if (!ApiKeyTokens.TryParse(authorization[(space + 1)..].Trim(), out var type, out var id, out var secret)
            || type != ApiKeyTokens.Prefix)
        {
            throw new TtsException(Errors.InvalidToken());
        }
        if (!_state.ApiKeys.TryGetValue(id, out var key) || (key.OwnerKind == EntityKind.User && !_state.Users.ContainsKey(key.OwnerId)))
        {
            throw new TtsException(Errors.ApiKeyNotFound(id));
        }
        if (!ApiKeyTokens.SecretMatches(key, secret))
        {
            throw new TtsException(Errors.InvalidAuthorization());
        }
        if (key.ExpiresAt is { } expires && expires <= now)
        {
            throw new TtsException(Errors.ApiKeyExpired());
        }
        var isAdmin = key.OwnerKind == EntityKind.User && _state.Users[key.OwnerId].IsAdmin;
        return new Caller(key, isAdmin);
    }
}
