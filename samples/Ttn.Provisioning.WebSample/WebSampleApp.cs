using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Ttn.Provisioning.AspNetCore.Endpoints;
using Ttn.Provisioning.Sample;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.WebSample.Fake;
using Ttn.Provisioning.WebSample.Live;

namespace Ttn.Provisioning.WebSample;

/// <summary>
/// The web sample as a value the tests can start: the WebApplication (Razor Pages, sample-only cookie sign-in,
/// MapTtnProvisioning, MapTtnWebhooks) and, without a Things Stack on the command line, the in-process fake it runs against.
/// </summary>
public sealed class WebSampleApp : IAsyncDisposable
{
    /// <summary>Where the sample listens unless <c>--urls</c> says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private Uri? _address;

    private WebSampleApp(WebApplication app, SampleFake? fake, string thingsStack)
    {
        App = app;
        Fake = fake;
        ThingsStack = thingsStack;
    }

    /// <summary>The application.</summary>
    public WebApplication App { get; }

    /// <summary>The in-process fake; null against a real Things Stack.</summary>
    public SampleFake? Fake { get; }

    /// <summary>Which Things Stack the sample talks to, in words.</summary>
    public string ThingsStack { get; }

    /// <summary>The address the sample listens on, once started (a wildcard host reads as 127.0.0.1).</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("The web sample has not started.");

    /// <summary>
    /// Builds the sample from its command line: the console sample's flags (<see cref="SampleSettings.Usage"/>) plus
    /// <c>--urls</c>. Throws <see cref="SampleUsageException"/> with the reason when the command line is not usable.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="configure">For tests: changes the builder before the services are added.</param>
    public static async Task<WebSampleApp> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (hostArgs, sampleArgs) = SplitHostArguments(args);
        var settings = SampleSettings.Parse(sampleArgs, out var error)
            ?? throw new SampleUsageException(error ?? "Help was asked for.");
        if (settings.SqlitePath is not null)
        {
            throw new SampleUsageException("The web sample keeps its tenants in memory: --store is for the console sample.");
        }

        string adminKey;
        SampleFake? fake = null;
        WebSampleApp? built = null;
        if (settings.UsesFake)
        {
            fake = await SampleFake.StartAsync(() => built?._address).ConfigureAwait(false);
            adminKey = fake.AdminKey;
        }
        else
        {
            adminKey = Environment.GetEnvironmentVariable(SampleSettings.AdminKeyVariable)?.Trim() is { Length: > 0 } key ? key
                : throw new SampleUsageException($"Set {SampleSettings.AdminKeyVariable} to the admin (user) API key.");
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = hostArgs,
            // The tests start the sample from their own process: the pages live in this assembly.
            ApplicationName = typeof(WebSampleApp).Assembly.GetName().Name,
        });
        if (!hostArgs.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // The address and what goes wrong; every request and every library step with --verbose.
        builder.Logging.AddFilter("Microsoft.AspNetCore", settings.Verbose ? LogLevel.Information : LogLevel.Warning)
            .AddFilter("Ttn.Provisioning", settings.Verbose ? LogLevel.Information : LogLevel.Warning);
        configure?.Invoke(builder);
        AddServices(builder.Services, settings, adminKey, fake);
        var app = builder.Build();
        MapEndpoints(app, settings);
        built = new WebSampleApp(app, fake, fake is null
            ? $"Identity Server {settings.IdentityServer}, cluster {settings.Cluster} (as 'main'); "
                + $"webhook base URL {settings.WebhookBaseUrl}"
            : $"an in-process FakeThingsStack (Identity Server {fake.IdentityServer}, "
                + $"clusters {string.Join(", ", SampleFake.ClusterNames)})");
        return built;
    }

    /// <summary>Starts listening; <see cref="Address"/> is known from then on.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await App.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new UriBuilder(bound);
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        _address = uri.Uri;
    }

    private static void AddServices(IServiceCollection services, SampleSettings settings, string adminKey, SampleFake? fake)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/SignIn");
        });
        // SAMPLE ONLY: demo users sign in without a password (see Demo/DemoUsers.cs).
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/SignIn";
            o.Cookie.Name = "ttn-web-sample";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthorization();
        services.AddProblemDetails();
        // Cookie authentication: the JSON endpoints must check the antiforgery token as the pages do.
        services.Configure<TtnEndpointOptions>(o => o.RequireAntiforgeryToken = true);
        services.AddTtnProvisioning(o =>
        {
            if (fake is null)
            {
                o.ThingsStack.IdentityServerUri = settings.IdentityServer;
                o.ThingsStack.Clusters["main"] = settings.Cluster!;
                o.ThingsStack.DefaultCluster = "main";
            }
            else
            {
                o.ThingsStack.IdentityServerUri = fake.IdentityServer;
                foreach (var name in SampleFake.ClusterNames)
                {
                    o.ThingsStack.Clusters[name] = fake.ClusterUri(name);
                }

                o.ThingsStack.DefaultCluster = SampleFake.ClusterNames[0];
            }

            o.AdminApiKey = adminKey;
            o.WebhookBaseUrl = settings.WebhookBaseUrl;
            // A fresh key ring per run: the tenants live in memory, so nothing sealed outlives the process.
            o.Secrets.Keys.Add(new SecretKeyOptions { Id = "web-sample", Key = SecretProtectionOptions.GenerateKey() });
            o.Secrets.PrimaryKeyId = "web-sample";
        }).AddDevices();
        services.AddTtnWebhooks().AddTtnMessageHandler<UplinkRecorder>();
        services.AddSingleton<UplinkBook>();
        if (fake is not null)
        {
            services.AddSingleton(fake);
        }
    }

    private static void MapEndpoints(WebApplication app, SampleSettings settings)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapTtnProvisioning("/ttn").RequireAuthorization();
        // TTS posts to {webhook base URL}/{tenant}: the receiver listens on the base URL's path.
        app.MapTtnWebhooks(settings.WebhookBaseUrl.AbsolutePath.TrimEnd('/'));
    }

    private static (string[] Host, string[] Sample) SplitHostArguments(string[] args)
    {
        var host = new List<string>();
        var sample = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--urls=", StringComparison.Ordinal))
            {
                host.Add(args[i]);
            }
            else if (args[i] == "--urls" && i + 1 < args.Length)
            {
                host.Add(args[i]);
                host.Add(args[++i]);
            }
            else
            {
                sample.Add(args[i]);
            }
        }

        return ([.. host], [.. sample]);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync().ConfigureAwait(false);
        if (Fake is not null)
        {
            await Fake.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>The command line cannot be used; the message says why.</summary>
public sealed class SampleUsageException(string message) : Exception(message);
