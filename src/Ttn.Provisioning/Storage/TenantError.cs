namespace Ttn.Provisioning.Storage;

/// <summary>What went wrong for a tenant, with what The Things Stack said about it. Never holds a secret.</summary>
public sealed class TenantError
{
    /// <summary>Creates a <see cref="TenantError"/>.</summary>
    /// <param name="step">The step that failed, if the failure belongs to one.</param>
    /// <param name="message">What went wrong, in words.</param>
    /// <param name="httpStatus">The HTTP status TTS answered, if the error came from TTS.</param>
    /// <param name="errorNamespace">The TTS error namespace (for example <c>pkg/identityserver/store</c>).</param>
    /// <param name="errorName">The TTS error name (for example <c>id_taken</c>).</param>
    /// <param name="correlationId">The TTS correlation id, for support.</param>
    /// <param name="occurredAt">When it happened.</param>
    /// <param name="isTransient">Whether trying again later may succeed (a timeout, a 5xx, a rate limit).</param>
    public TenantError(
        ProvisioningStep? step,
        string message,
        int? httpStatus,
        string? errorNamespace,
        string? errorName,
        string? correlationId,
        DateTimeOffset occurredAt,
        bool isTransient = false)
    {
        Step = step;
        Message = message;
        HttpStatus = httpStatus;
        ErrorNamespace = errorNamespace;
        ErrorName = errorName;
        CorrelationId = correlationId;
        OccurredAt = occurredAt;
        IsTransient = isTransient;
    }

    /// <summary>The step that failed, if the failure belongs to one.</summary>
    public ProvisioningStep? Step { get; }

    /// <summary>What went wrong, in words.</summary>
    public string Message { get; }

    /// <summary>The HTTP status TTS answered, if the error came from TTS.</summary>
    public int? HttpStatus { get; }

    /// <summary>The TTS error namespace (for example <c>pkg/identityserver/store</c>).</summary>
    public string? ErrorNamespace { get; }

    /// <summary>The TTS error name (for example <c>id_taken</c>).</summary>
    public string? ErrorName { get; }

    /// <summary>The TTS correlation id, for support.</summary>
    public string? CorrelationId { get; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>Whether trying again later may succeed (a timeout, a 5xx, a rate limit).</summary>
    public bool IsTransient { get; }

    /// <summary>An error the library found itself, with no answer of TTS behind it (no status, error name or correlation id).</summary>
    internal static TenantError Local(ProvisioningStep? step, string message, DateTimeOffset occurredAt, bool isTransient = false) => new(
        step: step,
        message: message,
        httpStatus: null,
        errorNamespace: null,
        errorName: null,
        correlationId: null,
        occurredAt: occurredAt,
        isTransient: isTransient);

    /// <summary>The step, the message, and what TTS answered; never a secret.</summary>
    public override string ToString()
    {
        var name = ErrorName is null ? "" : ", " + ErrorName;
        var correlation = CorrelationId is null ? "" : ", correlation id " + CorrelationId;
        var tts = HttpStatus is { } status ? $" (HTTP {status}{name}{correlation})" : "";
        return $"{(Step is { } step ? step + ": " : "")}{Message}{tts}";
    }
}
