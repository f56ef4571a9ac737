using System.Text;

namespace Contrail.Api.Protocol;

/// <summary>Text in XML element content, escaped so that any string stays well-formed.</summary>
internal static class XmlText
{
    /// <summary>
    /// Appends <paramref name="text"/> with <c>&amp; &lt; &gt; "</c> escaped and control characters as
    /// character references (as S3 writes a key holding one; XML 1.0 has no other way to say them).
    /// </summary>
    public static StringBuilder AppendEscaped(this StringBuilder sb, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case < ' ' or '\u007f':
                    sb.Append("&#x").Append(((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(';');
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb;
    }

    /// <summary>Appends <c>&lt;name&gt;text&lt;/name&gt;</c>.</summary>
    public static StringBuilder AppendElement(this StringBuilder sb, string name, string text) =>
        sb.Append('<').Append(name).Append('>').AppendEscaped(text).Append("</").Append(name).Append('>');
}
