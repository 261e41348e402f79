using System;
using System.Globalization;
using System.Linq;
using System.Text;
using ModelDocs.Generators.Parsing.Json;

namespace ModelDocs.Generators.Tests.Yaml;

/// <summary>Structural comparison of two JSON trees, and a JSON → YAML emitter (block style, every string double-quoted).</summary>
internal static class YamlTestHelpers
{
    /// <summary>Null if equal, else the JSON pointer of the first difference and what differs.</summary>
    public static string? Difference(JsonNode a, JsonNode b, string path = "")
    {
        if (a.Kind != b.Kind) return $"{path}: {a.Kind} vs {b.Kind}";
        switch (a.Kind)
        {
            case JsonKind.String:
                return a.Text == b.Text ? null : $"{path}: \"{a.Text}\" vs \"{b.Text}\"";
            case JsonKind.Number:
                if (a.Text == b.Text) return null;
                var equal = decimal.TryParse(a.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var da)
                            && decimal.TryParse(b.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var db) ? da == db
                    : double.Parse(a.Text!, CultureInfo.InvariantCulture).Equals(double.Parse(b.Text!, CultureInfo.InvariantCulture));
                return equal ? null : $"{path}: {a.Text} vs {b.Text}";
            case JsonKind.Array:
                if (a.Items!.Count != b.Items!.Count) return $"{path}: {a.Items.Count} items vs {b.Items.Count}";
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (Difference(a.Items[i], b.Items[i], path + "/" + i) is { } d) return d;
                }
                return null;
            case JsonKind.Object:
                var an = a.Members!.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
                var bn = b.Members!.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
                if (!an.SequenceEqual(bn)) return $"{path}: keys [{string.Join(", ", an)}] vs [{string.Join(", ", bn)}]";
                foreach (var m in a.Members!)
                {
                    if (Difference(m.Value, b.Get(m.Name)!, path + "/" + m.Name) is { } d) return d;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A JSON tree as block-style YAML: mappings and sequences in block style (empty ones as <c>{}</c>/<c>[]</c>),
    /// every string and key double-quoted with JSON escapes (which YAML's double-quoted style reads the same),
    /// numbers, booleans and null as plain scalars.
    /// </summary>
    public static string ToYaml(JsonNode root)
    {
        var sb = new StringBuilder();
        Write(sb, root, 0, inline: false);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode node, int indent, bool inline)
    {
        switch (node.Kind)
        {
            case JsonKind.Object when node.Members!.Count > 0:
                var first = true;
                foreach (var m in node.Members)
                {
                    if (!(first && inline)) sb.Append(' ', indent);
                    first = false;
                    sb.Append(Quote(m.Name)).Append(':');
                    WriteValue(sb, m.Value, indent + 2);
                }
                break;
            case JsonKind.Array when node.Items!.Count > 0:
                var firstItem = true;
                foreach (var item in node.Items)
                {
                    if (!(firstItem && inline)) sb.Append(' ', indent);
                    firstItem = false;
                    sb.Append('-');
                    if (item.Kind is JsonKind.Object or JsonKind.Array && (item.Members?.Count > 0 || item.Items?.Count > 0))
                    {
                        sb.Append(' ');
                        Write(sb, item, indent + 2, inline: true);
                    }
                    else
                    {
                        WriteValue(sb, item, indent + 2);
                    }
                }
                break;
            default:
                sb.Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonNode value, int indent)
    {
        if (value.Kind is JsonKind.Object or JsonKind.Array && (value.Members?.Count > 0 || value.Items?.Count > 0))
        {
            sb.Append('\n');
            Write(sb, value, indent, inline: false);
        }
        else
        {
            sb.Append(' ').Append(Scalar(value)).Append('\n');
        }
    }

    private static string Scalar(JsonNode node) => node.Kind switch
    {
        JsonKind.Object => "{}",
        JsonKind.Array => "[]",
        JsonKind.String => Quote(node.Text!),
        JsonKind.Number => node.Text!,
        JsonKind.True => "true",
        JsonKind.False => "false",
        _ => "null",
    };

    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF')
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
