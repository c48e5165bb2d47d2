namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>The fields <see cref="UplinkMessageBase"/> holds, filled by <see cref="UplinkReader"/>.</summary>
internal record struct UplinkFrame
{
    public int FPort;
    public long FCnt;
    public ReadOnlyMemory<byte> FrmPayload;
    public ReadOnlyMemory<byte> SessionKeyId;
    public IReadOnlyList<RxMetadata>? RxMetadata;
    public TxSettings? Settings;
    public DateTimeOffset? NetworkReceivedAt;
    public bool Confirmed;
    public TimeSpan? ConsumedAirtime;
    public IReadOnlyDictionary<string, Location>? Locations;
    public VersionIds? VersionIds;
    public NetworkIds? NetworkIds;
}
