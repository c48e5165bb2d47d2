using System.Text;

namespace Ttn.Provisioning.Secrets;

/// <summary>
/// UTF-8 that refuses ill-formed UTF-16. <see cref="Encoding.UTF8"/> turns every unpaired surrogate into U+FFFD, so
/// <c>"t\uD800"</c>, <c>"t\uDC00"</c> and <c>"t\uFFFD"</c> would encode to the same bytes (the same associated data).
/// </summary>
internal static class StrictUtf8
{
    /// <summary>UTF-8 without a byte order mark that throws on an unpaired surrogate instead of replacing it.</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether every surrogate in <paramref name="text"/> is part of a high-low pair.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (!char.IsHighSurrogate(text[i]) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return false;
            }

            i++;
        }

        return true;
    }
}
