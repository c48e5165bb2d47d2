using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>The <see cref="IThingsStackClient"/> over the named <see cref="HttpClient"/> of <see cref="IHttpClientFactory"/>.</summary>
internal sealed partial class ThingsStackClient : IThingsStackClient
{
    /// <summary>The name of the <see cref="HttpClient"/> registered by <c>AddThingsStackClient</c>.</summary>
    public const string HttpClientName = "Ttn.Provisioning.ThingsStack";

    /// <summary>The route template of a request, for logs written by the resilience pipeline.</summary>
    internal static readonly HttpRequestOptionsKey<string> RouteOption = new("Ttn.Provisioning.ThingsStack.Route");

    private const string TotalCountHeader = "X-Total-Count";
    private static readonly MediaTypeWithQualityHeaderValue _json = new("application/json");

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<ThingsStackOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private ThingsStackEndpoints? _endpoints;

    public ThingsStackClient(
        IHttpClientFactory httpClientFactory,
        IOptions<ThingsStackOptions> options,
        TimeProvider timeProvider,
        ILogger<ThingsStackClient>? logger = null)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    // ---- auth_info ----

    public async Task<AuthInfo> GetAuthInfoAsync(string apiKey, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Get, "/auth_info", "/auth_info", null, apiKey, null, Json.AuthInfo, cancellationToken)
            .ConfigureAwait(false);
        return result.Value;
    }

    private static ThingsStackJsonContext Json => ThingsStackJsonContext.Default;

    private IAsyncEnumerable<TItem> ListPagedAsync<TPage, TItem>(
        string route,
        string path,
        string? query,
        string apiKey,
        JsonTypeInfo<TPage> pageType,
        Func<TPage, IReadOnlyList<TItem>?> items,
        CancellationToken cancellationToken)
        where TPage : class
    {
        var pageSize = _options.Value.PageSize;
        return Iterate(cancellationToken);

        async IAsyncEnumerable<TItem> Iterate([EnumeratorCancellation] CancellationToken token)
        {
            for (var page = 1; ; page++)
            {
                token.ThrowIfCancellationRequested();
                var pageQuery = string.Create(CultureInfo.InvariantCulture, $"?limit={pageSize}&page={page}");
                if (!string.IsNullOrEmpty(query))
                {
                    pageQuery += "&" + query;
                }

                var result = await SendAsync(HttpMethod.Get, route, path + pageQuery, null, apiKey, null, pageType, token)
                    .ConfigureAwait(false);
                var list = items(result.Value) ?? [];
                foreach (var item in list)
                {
                    yield return item;
                }

                if (list.Count == 0 || list.Count < pageSize || (result.TotalCount is { } total && (long)page * pageSize >= total))
                {
                    yield break;
                }
            }
        }
    }

    private async Task SendEmptyAsync(
        HttpMethod method, string route, string path, string? cluster, string apiKey, CancellationToken cancellationToken) =>
        await SendAsync(method, route, path, cluster, apiKey, null, Json.EmptyResponse, cancellationToken).ConfigureAwait(false);

    private async Task<Response<T>> SendAsync<T>(
        HttpMethod method,
        string route,
        string pathAndQuery,
        string? cluster,
        string apiKey,
        HttpContent? content,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken)
        where T : class
    {
        using var ownedContent = content;
        ValidateApiKey(apiKey);
        cancellationToken.ThrowIfCancellationRequested();

        // Resolve and check the address before anything is sent: only the configured hosts receive credentials.
        var endpoints = _endpoints ??= new ThingsStackEndpoints(_options.Value);
        var uri = endpoints.Resolve(pathAndQuery, cluster);
        endpoints.EnsureAllowed(uri);

        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        request.Headers.Accept.Add(_json);
        request.Options.Set(RouteOption, route);

        var client = _httpClientFactory.CreateClient(HttpClientName);
        var started = _timeProvider.GetTimestamp();
        TtsRequestCounter.Add();
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(method, route, started, "the server could not be reached", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Unreachable(method, route, started, "no answer within the configured timeout", ex);
        }

        if (ThingsStackRedirectGuard.IsRedirect(response.StatusCode))
        {
            // Never followed: the request (with its body) goes only to the configured hosts.
            var status = response.StatusCode;
            response.Dispose();
            Log.RequestFailed(_logger, method.Method, route, (int)status, null, null, ElapsedMilliseconds(started));
            throw ThingsStackErrorParser.Redirected(status, uri, method.Method, route);
        }

        // The resilience timeouts end once the headers are in: the body gets an attempt timeout of its own.
        using var bodyTimeout = new CancellationTokenSource(_options.Value.AttemptTimeout, _timeProvider);
        using var bodyToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bodyTimeout.Token);
        using (response)
        {
            try
            {
                return await ReadResponseAsync(response, method, route, apiKey, started, responseType, bodyToken.Token)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && bodyTimeout.IsCancellationRequested)
            {
                throw Unreachable(method, route, started, "the answer's body did not arrive within the attempt timeout", ex);
            }
            catch (HttpRequestException ex)
            {
                throw Unreachable(method, route, started, "the connection broke while the answer was read", ex);
            }
        }
    }

    private async Task<Response<T>> ReadResponseAsync<T>(
        HttpResponseMessage response,
        HttpMethod method,
        string route,
        string apiKey,
        long started,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken)
        where T : class
    {
        var status = (int)response.StatusCode;
        TtsRequestIds.Record(response);
        if (!response.IsSuccessStatusCode)
        {
            var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            var error = ThingsStackErrorParser.Create(
                response.StatusCode, body, response.Headers, method.Method, route, _timeProvider, apiKey);
            Log.RequestFailed(_logger, method.Method, route, status, error.ErrorName, error.CorrelationId, ElapsedMilliseconds(started));
            throw error;
        }

        Log.RequestSucceeded(_logger, method.Method, route, status, ElapsedMilliseconds(started));
        if (typeof(T) == typeof(EmptyResponse))
        {
            // Delete, restore and purge answer {}; nothing in it is needed.
            return new Response<T>((T)(object)new EmptyResponse(), null);
        }

        T? value;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                value = await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            throw new ThingsStackException(
                $"The Things Stack answered {status} to {method.Method} {route} with a body that is not the expected JSON.", ex)
            {
                StatusCode = response.StatusCode,
                Method = method.Method,
                Route = route,
            };
        }

        if (value is null)
        {
            throw new ThingsStackException($"The Things Stack answered {status} to {method.Method} {route} with an empty body.")
            {
                StatusCode = response.StatusCode,
                Method = method.Method,
                Route = route,
            };
        }

        long? totalCount = null;
        if (response.Headers.TryGetValues(TotalCountHeader, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
        {
            totalCount = total;
        }

        return new Response<T>(value, totalCount);
    }

    private ThingsStackException Unreachable(HttpMethod method, string route, long started, string reason, Exception inner)
    {
        Log.RequestUnreachable(_logger, method.Method, route, ElapsedMilliseconds(started), reason);
        return new ThingsStackException($"The Things Stack request {method.Method} {route} failed: {reason}.", inner)
        {
            IsTransient = true,
            Method = method.Method,
            Route = route,
        };
    }

    private long ElapsedMilliseconds(long started) => (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[ThingsStackErrorParser.MaxBodyRead];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return Encoding.UTF8.GetString(buffer, 0, read);
        }
    }

    private readonly record struct Response<T>(T Value, long? TotalCount);
}
