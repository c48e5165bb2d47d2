using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>A tenant's error as the endpoints show it: the step, the library's words, and what TTS answered (never its body).</summary>
internal sealed class ErrorView
{
    private ErrorView(TenantError error)
    {
        Step = error.Step?.ToString();
        Message = error.Message;
        TtsStatus = error.HttpStatus;
        TtsErrorNamespace = error.ErrorNamespace;
        TtsErrorName = error.ErrorName;
        CorrelationId = error.CorrelationId;
        OccurredAt = error.OccurredAt;
        IsTransient = error.IsTransient;
    }

    /// <summary>The step that failed, if the failure belongs to one.</summary>
    public string? Step { get; }

    /// <summary>What went wrong, in the library's words.</summary>
    public string Message { get; }

    /// <summary>The HTTP status TTS answered, if the error came from TTS.</summary>
    public int? TtsStatus { get; }

    /// <summary>The TTS error namespace.</summary>
    public string? TtsErrorNamespace { get; }

    /// <summary>The TTS error name.</summary>
    public string? TtsErrorName { get; }

    /// <summary>The TTS correlation id, for support.</summary>
    public string? CorrelationId { get; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>Whether trying again later may succeed.</summary>
    public bool IsTransient { get; }

    public static ErrorView? From(TenantError? error) => error is null ? null : new ErrorView(error);
}
