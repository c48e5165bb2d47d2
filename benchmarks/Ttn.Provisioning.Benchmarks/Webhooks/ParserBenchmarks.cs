using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Ttn.Provisioning.AspNetCore.Messages;

namespace Ttn.Provisioning.Benchmarks.Webhooks;

/// <summary>
/// Parsing one webhook body alone (no HTTP): <see cref="TtnMessageParser"/> against <c>JsonDocument.Parse</c> of the
/// same bytes (a DOM, nothing typed yet: the baseline the issue names) and against the design the parser did not
/// take, <c>JsonSerializer</c> with source-generated DTOs (before any mapping to the public records).
/// Bodies: a realistic uplink of about 1 KB (two gateways, decoded payload, gateway location) and the full 2 KB one
/// (seven correlation ids, device location, version ids), both compact.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ParserBenchmarkConfig))]
public class ParserBenchmarks
{
    private byte[] _body = [];

    [Params("uplink-1kb.json", "uplink.json")]
    public string Body { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _body = WebhookBodies.Compact(Body);
        if (TtnMessageParser.Default.Parse(_body).Message is not UplinkMessage { RxMetadata.Count: 2 } ||
            SourceGeneratedCandidate.Parse(_body)?.UplinkMessage?.RxMetadata?.Count != 2)
        {
            throw new InvalidOperationException($"{Body} does not parse into an uplink with two gateways.");
        }
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse (DOM only)")]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_body);
        return (int)document.RootElement.ValueKind;
    }

    [Benchmark(Description = "TtnMessageParser.Parse (typed message)")]
    public TtnMessage? TtnMessageParserParse() => TtnMessageParser.Default.Parse(_body).Message;

    [Benchmark(Description = "JsonSerializer, source-generated DTOs")]
    public object? SourceGenerated() => SourceGeneratedCandidate.Parse(_body);
}
