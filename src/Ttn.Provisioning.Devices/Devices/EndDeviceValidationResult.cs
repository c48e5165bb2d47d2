namespace Ttn.Provisioning.Devices;

/// <summary>The outcome of <see cref="EndDeviceValidator.Validate"/>: a normalised definition, or every error found.</summary>
public sealed record EndDeviceValidationResult
{
    /// <summary>The normalised definition when every rule holds; otherwise <see langword="null"/>.</summary>
    public EndDeviceDefinition? Definition { get; init; }

    /// <summary>Every rule the definition breaks; empty when it is valid.</summary>
    public IReadOnlyList<EndDeviceInputError> Errors { get; init; } = [];

    /// <summary>Whether the definition is valid (and <see cref="Definition"/> is set).</summary>
    public bool IsValid => Definition is not null;
}
