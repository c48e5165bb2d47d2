using System.Globalization;

namespace Ttn.Provisioning.Devices;

/// <summary>The outcome of <see cref="EndDeviceValidator.Validate"/>: a normalised definition, or every error found.</summary>
public sealed class EndDeviceValidationResult
{
    internal EndDeviceValidationResult()
    {
    }

    /// <summary>The normalised definition when every rule holds; otherwise <see langword="null"/>.</summary>
    public EndDeviceDefinition? Definition { get; internal init; }

    /// <summary>Every rule the definition breaks; empty when it is valid.</summary>
    public IReadOnlyList<EndDeviceInputError> Errors { get; internal init; } = [];

    /// <summary>Whether the definition is valid (and <see cref="Definition"/> is set).</summary>
    public bool IsValid => Definition is not null;

    /// <summary>The definition when it is valid (its keys only as set or not), else every error; never a key.</summary>
    public override string ToString() => Definition is { } definition
        ? $"valid: {definition}"
        : string.Create(CultureInfo.InvariantCulture, $"{Errors.Count} errors: {string.Join("; ", Errors)}");
}
