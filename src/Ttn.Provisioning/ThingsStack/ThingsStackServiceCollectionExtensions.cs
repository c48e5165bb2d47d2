using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>Registers the Things Stack client: options, the named <see cref="HttpClient"/> and its resilience pipeline.</summary>
internal static class ThingsStackServiceCollectionExtensions
{
    /// <summary>The name of the resilience pipeline on the Things Stack <see cref="HttpClient"/>.</summary>
    public const string ResiliencePipelineName = "things-stack";

    /// <summary>
    /// Adds <see cref="IThingsStackClient"/> and its named <see cref="HttpClient"/>
    /// (<see cref="ThingsStackClient.HttpClientName"/>): the host guard first, then the resilience handler
    /// (total timeout → retry of GET/PUT/DELETE, and of any request answered 429 → attempt timeout) running on the
    /// <see cref="TimeProvider"/> from DI.
    /// The factory's header-logging handlers are removed (their structured state carries the Authorization header
    /// unredacted); the client logs each request itself, without headers. Redirects are never followed: the primary
    /// handler has them off (also when the host replaces it, see <see cref="ThingsStackRedirectGuard"/>), and a 3xx
    /// answer fails the call.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/>, to add handlers or a primary handler (a stub, FakeThingsStack).</returns>
    public static IHttpClientBuilder AddThingsStackClient(this IServiceCollection services, Action<ThingsStackOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<ThingsStackOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ThingsStackOptions>, ThingsStackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<ThingsStackHostGuardHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ThingsStackRedirectGuard>());
        services.TryAddSingleton<IThingsStackClient, ThingsStackClient>();

        var builder = services
            .AddHttpClient(ThingsStackClient.HttpClientName, static client =>
            {
                // The resilience pipeline owns every timeout, on the injected TimeProvider.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The factory's default request logging is removed: at Trace it puts every header into the log record's
            // structured state unredacted (only the formatted message is redacted), so a structured sink would export
            // the API key. The client logs each request itself (method, route, status, time), never a header.
            .RemoveAllLoggers()
            .RedactLoggedHeaders(["Authorization"])
            .ConfigurePrimaryHttpMessageHandler(ThingsStackRedirectGuard.CreatePrimaryHandler)
            .AddHttpMessageHandler<ThingsStackHostGuardHandler>();

        builder.AddResilienceHandler(ResiliencePipelineName, static (pipeline, context) =>
        {
            var provider = context.ServiceProvider;
            var options = provider.GetRequiredService<IOptions<ThingsStackOptions>>().Value;
            var timeProvider = provider.GetRequiredService<TimeProvider>();
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ThingsStackClient).FullName!);
            pipeline.TimeProvider = timeProvider;

            pipeline.AddTimeout(options.TotalTimeout);
            if (options.MaxRetryAttempts > 0)
            {
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    ShouldRetryAfterHeader = false,

                    // The same notion of "transient" as ThingsStackException.IsTransient (501 and 505 are not).
                    ShouldHandle = args => new ValueTask<bool>(args.Outcome switch
                    {
                        { Result: { } result } => ThingsStackRetryPolicy.IsTransientStatus(result.StatusCode),
                        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
                        _ => false,
                    }),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(
                        ThingsStackRetryPolicy.ComputeDelay(args.AttemptNumber, args.Outcome.Result, options, timeProvider)),
                    OnRetry = args =>
                    {
                        var request = args.Context.GetRequestMessage();
                        var route = request is not null && request.Options.TryGetValue(ThingsStackClient.RouteOption, out var r) ? r : "?";
                        var outcome = args.Outcome.Result is { } result
                            ? ((int)result.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
                            : args.Outcome.Exception?.GetType().Name ?? "unknown";
                        Log.Retrying(
                            logger,
                            request?.Method.Method ?? "?",
                            route,
                            args.AttemptNumber + 1,
                            (long)args.RetryDelay.TotalMilliseconds,
                            outcome);
                        return default;
                    },
                };

                // A POST creates something (an API key, an application); repeating it could create it twice. A 429 is
                // the exception: TTS refuses a rate-limited request before acting on it, so it is sent again after the wait.
                var isTransient = retry.ShouldHandle;
                retry.ShouldHandle = async args =>
                {
                    if (!await isTransient(args).ConfigureAwait(false))
                    {
                        return false;
                    }

                    var method = args.Context.GetRequestMessage()?.Method;
                    return (method != HttpMethod.Post && method != HttpMethod.Patch)
                        || args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests;
                };
                pipeline.AddRetry(retry);
            }

            pipeline.AddTimeout(options.AttemptTimeout);
        });

        return builder;
    }
}
