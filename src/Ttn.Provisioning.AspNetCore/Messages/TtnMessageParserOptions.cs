namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>Limits of a <see cref="TtnMessageParser"/>. The body's size is the caller's to limit before parsing.</summary>
public sealed class TtnMessageParserOptions
{
    /// <summary>The default <see cref="MaxDepth"/>.</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>The smallest <see cref="MaxDepth"/>: a TTS message needs 5 levels before any decoded payload.</summary>
    public const int MinMaxDepth = 8;

    /// <summary>The largest <see cref="MaxDepth"/>.</summary>
    public const int MaxMaxDepth = 256;

    /// <summary>
    /// How deeply objects and arrays may nest, the body's own object counting as 1 (default 32; 8 to 256). A TTS
    /// message needs 5 levels; the rest is for payload formatters' output. A deeper body is a parse failure.
    /// </summary>
    public int MaxDepth { get; set; } = DefaultMaxDepth;
}
