namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// Captures the request id The Things Stack puts on every answer (<c>X-Request-ID</c>) for the requests sent from the
/// current asynchronous flow, so that an operation can name TTS's id of an answer that succeeded (an error names its
/// own correlation id). Start a capture in the flow that sends the request; the client records into it.
/// </summary>
internal sealed class TtsRequestIds
{
    /// <summary>The header TTS sets on every answer (<c>pkg/webmiddleware/request_id.go</c>).</summary>
    public const string Header = "X-Request-ID";

    private const int MaxLength = 128;

    private static readonly AsyncLocal<TtsRequestIds?> Current = new();

    /// <summary>The id of the last answer received in the capturing flow; null when none came (or it had none).</summary>
    public string? Last { get; private set; }

    /// <summary>Starts capturing in the current asynchronous flow (and the tasks it starts).</summary>
    public static TtsRequestIds Start()
    {
        var capture = new TtsRequestIds();
        Current.Value = capture;
        return capture;
    }

    /// <summary>Records the id of an answer, if a capture is running and the value looks like an id (short, printable ASCII).</summary>
    public static void Record(HttpResponseMessage response)
    {
        if (Current.Value is { } capture
            && response.Headers.TryGetValues(Header, out var values)
            && values.FirstOrDefault() is { Length: > 0 and <= MaxLength } id
            && id.All(c => c is > ' ' and <= '~'))
        {
            capture.Last = id;
        }
    }
}
