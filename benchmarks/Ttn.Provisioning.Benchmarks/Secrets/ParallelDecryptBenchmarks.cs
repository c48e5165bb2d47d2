using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;

namespace Ttn.Provisioning.Benchmarks.Secrets;

/// <summary>
/// Opening the same sealed key on one and on two threads. Each invocation opens <see cref="OpenedPerInvoke"/> tokens
/// split evenly over <see cref="Threads"/> threads, so the reported mean is the time per opened token.
/// Target: two threads give at least 1.7x the single-thread operations per second
/// (the 2-thread mean at most 1/1.7 = 0.59 of the 1-thread mean).
/// </summary>
[MemoryDiagnoser]
public class ParallelDecryptBenchmarks
{
    public const int OpenedPerInvoke = 20_000;

    private DecryptFixture _fixture = null!;
    private AesGcm[] _rawCiphers = [];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new DecryptFixture();
        _rawCiphers = Enumerable.Range(0, Threads).Select(_ => _fixture.CreateRawCipher()).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var cipher in _rawCiphers)
        {
            cipher.Dispose();
        }

        _fixture.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OpenedPerInvoke, Description = "Raw AesGcm, per token")]
    public void RawAesGcm() => Run(thread =>
    {
        var cipher = _rawCiphers[thread];
        for (var i = 0; i < OpenedPerInvoke / Threads; i++)
        {
            _fixture.OpenRaw(cipher);
        }
    });

    [Benchmark(OperationsPerInvoke = OpenedPerInvoke, Description = "AesGcmSecretProtector (ttn1), per token")]
    public void Ttn1() => Run(_ =>
    {
        for (var i = 0; i < OpenedPerInvoke / Threads; i++)
        {
            _fixture.Protector.Unprotect(_fixture.Token, _fixture.Context);
        }
    });

    private void Run(Action<int> work)
    {
        if (Threads == 1)
        {
            work(0);
            return;
        }

        // Thread-pool workers stay warm between invocations (a new thread per invocation would measure thread start-up).
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, work);
    }
}
