namespace Ttn.Provisioning.Secrets;

/// <summary>The result of re-protecting one stored value (see <see cref="SecretReprotection"/>).</summary>
/// <remarks><see cref="ToString"/> never shows the token.</remarks>
internal sealed class ReprotectResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="outcome">What was done.</param>
    /// <param name="token">The text to store: the new token when re-protected, otherwise the original text.</param>
    /// <param name="previousFormat">The format (or key id) the value was found in, for example <c>ttn1:k2018</c>, <c>b64</c>, <c>v2</c> or
    /// <c>v1</c>; null when empty or unrecognised.</param>
    /// <param name="currentFormat">The format (or key id) the value is in now; null when empty, failed or unrecognised.</param>
    /// <param name="failureReason">Why opening failed; <see cref="SafeDecryptFailureReason.None"/> unless <paramref name="outcome"/> is
    /// <see cref="ReprotectOutcome.Failed"/>.</param>
    public ReprotectResult(
        ReprotectOutcome outcome,
        string? token,
        string? previousFormat,
        string? currentFormat,
        SafeDecryptFailureReason failureReason = SafeDecryptFailureReason.None)
    {
        Outcome = outcome;
        Token = token;
        PreviousFormat = previousFormat;
        CurrentFormat = currentFormat;
        FailureReason = failureReason;
    }

    /// <summary>What was done.</summary>
    public ReprotectOutcome Outcome { get; }

    /// <summary>The text to store: the new token when <see cref="Changed"/>, otherwise the original text.</summary>
    public string? Token { get; }

    /// <summary>
    /// The format the value was found in (<c>ttn1:&lt;keyId&gt;</c>, <c>b64</c>, <c>v2</c>, <c>v1</c>), or null when empty or unrecognised.
    /// </summary>
    public string? PreviousFormat { get; }

    /// <summary>The format the value is in now, or null when empty, failed or not a <c>ttn1</c> token.</summary>
    public string? CurrentFormat { get; }

    /// <summary>Why opening failed, when <see cref="Outcome"/> is <see cref="ReprotectOutcome.Failed"/>.</summary>
    public SafeDecryptFailureReason FailureReason { get; }

    /// <summary>Whether <see cref="Token"/> differs from the stored text and should be written back.</summary>
    public bool Changed => Outcome == ReprotectOutcome.Reprotected;

    /// <summary>A description without the token.</summary>
    public override string ToString() => Outcome switch
    {
        ReprotectOutcome.Reprotected => $"Reprotected({PreviousFormat} -> {CurrentFormat})",
        ReprotectOutcome.AlreadyCurrent => $"AlreadyCurrent({CurrentFormat})",
        ReprotectOutcome.Failed => $"Failed({FailureReason}, {PreviousFormat ?? "unrecognised"})",
        _ => "Empty",
    };
}
