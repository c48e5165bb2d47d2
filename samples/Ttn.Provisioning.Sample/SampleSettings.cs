namespace Ttn.Provisioning.Sample;

/// <summary>The command line: no arguments for the in-process fake, or the address of a real Things Stack.</summary>
internal sealed record SampleSettings
{
    public const string AdminKeyVariable = "TTN_ADMIN_API_KEY";

    public const string Usage = """
        Usage:
          dotnet run --project samples/Ttn.Provisioning.Sample
              Walks one tenant through its lifecycle against an in-process FakeThingsStack.

          TTN_ADMIN_API_KEY=NNSXS.… dotnet run --project samples/Ttn.Provisioning.Sample -- \
              --identity-server https://eu1.cloud.thethings.network --cluster https://eu1.cloud.thethings.network \
              [--tenant sample-tenant] [--webhook-base-url https://saas.example.com/ttn/webhook] [--verbose]
              Runs the same walk against a real Things Stack (or any loopback server). The admin key is a user
              API key allowed to create organizations and applications. No fault is injected there.

          Either way, --import-devices PATH imports a The Things Stack CSV file (id;dev_eui;join_eui;app_key;
          frequency_plan_id;lorawan_version;lorawan_phy_version;…) into the sample tenant's application instead of the
          walk, printing one line per row and a summary; run it again after an interruption and it continues.
          --store sqlite:PATH keeps the tenant in a SQLite database (created if missing) instead of
          memory, with the sample's key ring in PATH.keys: a second run shows the tenant kept from the first.
        """;

    public Uri? IdentityServer { get; init; }

    public Uri? Cluster { get; init; }

    public string TenantId { get; init; } = "acme";

    public Uri WebhookBaseUrl { get; init; } = new("https://saas.example.com/ttn/webhook");

    public bool Verbose { get; init; }

    /// <summary>The SQLite database file of <c>--store sqlite:PATH</c>, or null to keep tenants in memory.</summary>
    public string? SqlitePath { get; init; }

    /// <summary>The CSV file of <c>--import-devices PATH</c>, or null for the walk.</summary>
    public string? ImportDevicesPath { get; init; }

    /// <summary>True when the walk runs against the in-process fake.</summary>
    public bool UsesFake => IdentityServer is null;

    /// <summary>Parses the arguments; returns null and an error message when they are not usable.</summary>
    public static SampleSettings? Parse(string[] args, out string? error)
    {
        error = null;
        var settings = new SampleSettings();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--verbose")
            {
                settings = settings with { Verbose = true };
                continue;
            }

            if (name is "-h" or "--help")
            {
                return null;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--identity-server" when Uri.TryCreate(value, UriKind.Absolute, out var uri):
                    settings = settings with { IdentityServer = uri };
                    break;
                case "--cluster" when Uri.TryCreate(value, UriKind.Absolute, out var uri):
                    settings = settings with { Cluster = uri };
                    break;
                case "--webhook-base-url" when Uri.TryCreate(value, UriKind.Absolute, out var uri):
                    settings = settings with { WebhookBaseUrl = uri };
                    break;
                case "--import-devices" when File.Exists(value):
                    settings = settings with { ImportDevicesPath = Path.GetFullPath(value) };
                    break;
                case "--tenant":
                    settings = settings with { TenantId = value };
                    break;
                case "--store" when value.StartsWith("sqlite:", StringComparison.Ordinal) && value.Length > "sqlite:".Length:
                    settings = settings with { SqlitePath = Path.GetFullPath(value["sqlite:".Length..]) };
                    break;
                default:
                    error = $"Unknown option or bad value: {name} {value}";
                    return null;
            }
        }

        if ((settings.IdentityServer is null) != (settings.Cluster is null))
        {
            error = "--identity-server and --cluster go together.";
            return null;
        }

        return settings;
    }
}
