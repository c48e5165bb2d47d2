using System.Text;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>A read-only stream that makes a CSV file's lines as they are read, and counts the bytes handed out.</summary>
internal sealed class GeneratedCsvStream(string header, Func<int, string> row, int rows) : Stream
{
    private byte[] _pending = Encoding.UTF8.GetBytes(header);
    private int _offset;
    private int _next = 1;

    public long BytesProduced { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesProduced; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_offset == _pending.Length)
            {
                if (_next > rows)
                {
                    break;
                }

                _pending = Encoding.UTF8.GetBytes(row(_next++));
                _offset = 0;
            }

            var n = Math.Min(buffer.Length - written, _pending.Length - _offset);
            _pending.AsSpan(_offset, n).CopyTo(buffer[written..]);
            _offset += n;
            written += n;
        }

        BytesProduced += written;
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
