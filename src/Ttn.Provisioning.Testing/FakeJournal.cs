namespace Ttn.Provisioning.Testing;

/// <summary>One request the fake received.</summary>
public sealed class FakeJournalEntry
{
    internal FakeJournalEntry(DateTimeOffset timestamp, string method, string host, string path, string query, string? body,
        string? apiKeyId,
        string? cluster)
    {
        Cluster = cluster;
        Timestamp = timestamp;
        Method = method;
        Host = host;
        Path = path;
        Query = query;
        Body = body;
        ApiKeyId = apiKeyId;
    }

    /// <summary>When the request arrived (the fake's clock).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>
    /// The host the request was sent to (in server mode with clusters: the host that listener stands for, such as
    /// <c>nam1.cloud.thethings.network</c>).
    /// </summary>
    public string Host { get; }

    /// <summary>
    /// The cluster that served it (<c>/as</c>, <c>/ns</c>, <c>/js</c>, <c>/gs</c> paths); null for the Identity Server or a fake without
    /// clusters.
    /// </summary>
    public string? Cluster { get; }

    /// <summary>The path, including <c>/api/v3</c>.</summary>
    public string Path { get; }

    /// <summary>The query string without <c>?</c> (empty when none).</summary>
    public string Query { get; }

    /// <summary>The request body as sent (secrets included), or null.</summary>
    public string? Body { get; }

    /// <summary>The id of the API key in the <c>Authorization</c> header (never the secret), or null.</summary>
    public string? ApiKeyId { get; }

    /// <summary>The HTTP status answered; null when the connection was dropped.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>The request id the answer carried in <c>X-Request-ID</c> (as TTS sets on every answer); null when dropped.</summary>
    public string? RequestId { get; internal set; }

    /// <inheritdoc />
    public override string ToString()
    {
        var status = StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "dropped";
        return $"{Method} {Path}{(Query.Length > 0 ? "?" + Query : "")} -> {status}";
    }
}

/// <summary>The requests the fake received, in arrival order.</summary>
public sealed class FakeJournal
{
    private readonly Lock _gate = new();
    private readonly List<FakeJournalEntry> _entries = [];

    internal FakeJournal()
    {
    }

    /// <summary>A snapshot of the entries.</summary>
    public IReadOnlyList<FakeJournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal void Add(FakeJournalEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
