using System.Net;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.ThingsStack;

public sealed class ResponseHandlingTests : IDisposable
{
    private readonly ThingsStackTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Body_that_stops_arriving_fails_after_the_attempt_timeout_as_transient()
    {
        var body = new StallingStream();
        _host.Stub.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });

        var call = _host.Client.GetAuthInfoAsync(ThingsStackTestHost.AdminKey);
        await body.Reading.Task;
        _host.Time.Advance(TimeSpan.FromSeconds(15));

        var error = await Assert.ThrowsAsync<ThingsStackException>(() => call);
        Assert.True(error.IsTransient);
        Assert.Contains("did not arrive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_501_is_not_retried()
    {
        _host.Stub.Enqueue(HttpStatusCode.NotImplemented, "{}").Enqueue(HttpStatusCode.OK, "{}");

        var error = await Assert.ThrowsAsync<ThingsStackException>(() => _host.Client.GetAuthInfoAsync(ThingsStackTestHost.AdminKey));

        Assert.Equal(HttpStatusCode.NotImplemented, error.StatusCode);
        Assert.Single(_host.Stub.Requests);
    }

    [Fact]
    public void Error_body_redaction_removes_long_hex_secrets_but_keeps_correlation_ids()
    {
        const string webhookSecret = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        const string correlationId = "0123456789abcdef0123456789abcdef";

        var redacted = ThingsStackErrorParser.Redact($$"""{"headers":{"X-Webhook-Secret":"{{webhookSecret}}"},"correlation_id":"{{correlationId}}"}""");

        Assert.DoesNotContain(webhookSecret, redacted, StringComparison.Ordinal);
        Assert.Contains(correlationId, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_keys_never_print_their_values()
    {
        var keys = new RootKeys { AppKey = new KeyEnvelope("0123456789ABCDEF0123456789ABCDEF") };

        Assert.DoesNotContain("0123456789ABCDEF", keys.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789ABCDEF", keys.AppKey.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A body that starts, then never sends another byte until the read is cancelled.</summary>
    private sealed class StallingStream : Stream
    {
        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reading.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
