using System.Buffers;

namespace Ttn.Provisioning.Devices;

/// <summary>Hexadecimal checks for EUIs and AES keys (TTS reads them as hex of exactly 2·N characters, either case).</summary>
internal static class Hex
{
    private static readonly SearchValues<char> _hexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static bool IsHex(ReadOnlySpan<char> value, int length)
        => value.Length == length && !value.ContainsAnyExcept(_hexDigits);

    public static bool IsZero(ReadOnlySpan<char> value) => !value.ContainsAnyExcept('0');}
