using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;

namespace Ttn.Provisioning.Benchmarks.Secrets;

/// <summary>
/// Opening one sealed 98-character TTS API key, single-threaded, against raw AesGcm (the baseline),
/// ASP.NET Core DataProtection, and the legacy readers.
/// Targets: ttn1 mean at most 1.15x the baseline; allocations equal to the result string alone;
/// at least 5x faster than DataProtection.
/// </summary>
[MemoryDiagnoser]
public class DecryptBenchmarks
{
    private DecryptFixture _fixture = null!;

    [GlobalSetup]
    public void Setup() => _fixture = new DecryptFixture();

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark(Baseline = true, Description = "Raw AesGcm.Decrypt + UTF-8 decode")]
    public string RawAesGcm() => _fixture.OpenRaw(_fixture.RawCipher);

    [Benchmark(Description = "AesGcmSecretProtector.Unprotect (ttn1)")]
    public string? Ttn1() => _fixture.Protector.Unprotect(_fixture.Token, _fixture.Context).Value;

    [Benchmark(Description = "DataProtection Unprotect")]
    public string DataProtection() => _fixture.DataProtector.Unprotect(_fixture.DataProtectionPayload);

    [Benchmark(Description = "Legacy b64: reader")]
    public string? LegacyB64() => _fixture.Protector.Unprotect(_fixture.LegacyB64, _fixture.Context).Value;

    [Benchmark(Description = "Legacy v2: reader")]
    public string? LegacyV2() => _fixture.Protector.Unprotect(_fixture.LegacyV2, _fixture.Context).Value;
}
