using System.Diagnostics.CodeAnalysis;

namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>What <see cref="TtnMessageParser"/> made of a body: a message, or the reason it is not one.</summary>
public sealed class TtnParseResult
{
    private TtnParseResult(TtnMessage? message, string? failureReason)
    {
        Message = message;
        FailureReason = failureReason;
        IsSuccess = message is not null;
    }

    /// <summary>True when <see cref="Message"/> is set; false when <see cref="FailureReason"/> is.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(FailureReason))]
    public bool IsSuccess { get; }

    /// <summary>The message (an <see cref="UnknownMessage"/> for a kind this version does not know), or null.</summary>
    public TtnMessage? Message { get; }

    /// <summary>
    /// Why the body is not a message: the field and byte offset, or the JSON error's line and byte. It quotes no
    /// value from the body, so it is safe to log. Null on success.
    /// </summary>
    public string? FailureReason { get; }

    /// <summary>A successful result (for hosts' tests of their handlers).</summary>
    /// <param name="message">The message.</param>
    public static TtnParseResult Success(TtnMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new TtnParseResult(message, null);
    }

    /// <summary>A failed result (for hosts' tests of their handlers).</summary>
    /// <param name="reason">Why the body is not a message.</param>
    public static TtnParseResult Failure(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new TtnParseResult(null, reason);
    }

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Parsed {Message.Kind}" : $"Not parsed: {FailureReason}";
}
