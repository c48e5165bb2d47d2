namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>The fields of an <c>ApplicationUp</c> that every kind shares, gathered while the body is read.</summary>
internal readonly record struct Envelope(
    EndDeviceIds EndDevice, IReadOnlyList<string> CorrelationIds, DateTimeOffset? ReceivedAt, bool Simulated);
