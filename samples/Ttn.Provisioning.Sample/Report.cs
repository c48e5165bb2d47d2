using System.Diagnostics;
using System.Globalization;

namespace Ttn.Provisioning.Sample;

/// <summary>Prints the walk: numbered steps, what each call answered, checks, timings and TTS requests.</summary>
internal sealed class Report(RequestRecorder recorder)
{
    private int _step;
    private int _mark;
    private long _started;

    public int Failures { get; private set; }

    public int Checks { get; private set; }

    public static void Title(string text)
    {
        Console.WriteLine(text);
        Console.WriteLine(new string('=', text.Length));
    }

    /// <summary>Starts a numbered step: remembers the time and the request count.</summary>
    public void Step(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"{++_step}. {title}");
        _mark = recorder.Count;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>Ends the call of a step: prints its duration, TTS requests and sequential round trips.</summary>
    public void Cost()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var requests = recorder.Since(_mark);
        var text = requests.Count == 0
            ? "no TTS request"
            : $"{requests.Count} TTS request{(requests.Count == 1 ? "" : "s")} in {RequestRecorder.SequentialRoundTrips(requests)} sequential round trip(s)";
        Line($"took {elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms, {text}");
        foreach (var request in requests)
        {
            Line($"    {request}");
        }
    }

    public static void Line(string text) => Console.WriteLine($"   {text}");

    /// <summary>Checks an expectation; a failed one makes the sample exit non-zero.</summary>
    public void Expect(bool condition, string expectation, string? actual = null)
    {
        Checks++;
        if (condition)
        {
            Line($"[ok]   {expectation}");
        }
        else
        {
            Failures++;
            Line($"[FAIL] {expectation}{(actual is null ? "" : $" (got {actual})")}");
        }
    }
}
