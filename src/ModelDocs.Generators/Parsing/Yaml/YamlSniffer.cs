using ModelDocs.Generators.Common;

namespace ModelDocs.Generators.Parsing.Yaml;

/// <summary>
/// Decides from the file name and the first <see cref="HeadLength"/> characters, without parsing, whether a
/// YAML AdditionalFile means to be a schema or OpenAPI document. Only those are parsed (and their errors
/// reported, MD1028); anything else (GitHub workflows, docker-compose files, Kubernetes manifests) gives
/// nothing and no diagnostic, and never loads YamlDotNet. Uses no YamlDotNet type.
/// </summary>
internal static class YamlSniffer
{
    public const int HeadLength = 8192;

    public static bool LooksLikeSchema(string text, string path)
    {
        var name = Paths.FileName(path).ToLowerInvariant();
        if (name.EndsWith(".schema.yaml", StringComparison.Ordinal) || name.EndsWith(".schema.yml", StringComparison.Ordinal)
            || name.Contains("openapi") || name.Contains("swagger")) return true;
        var head = text.Length > HeadLength ? text.Substring(0, HeadLength) : text;
        var trimmed = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith("{", StringComparison.Ordinal))
        {
            // JSON-style flow YAML: the JSON sniffing's words.
            return head.Contains("\"openapi\"") || head.Contains("\"swagger\"") || head.Contains("json-schema.org/");
        }
        var lineStart = 0;
        while (lineStart < head.Length)
        {
            var lineEnd = head.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = head.Length;
            var line = head.Substring(lineStart, lineEnd - lineStart);
            if (lineStart == 0) line = line.TrimStart('\uFEFF');
            if (line.StartsWith("--- ", StringComparison.Ordinal)) line = line.Substring(4).TrimStart(' ');
            if (IsTopLevelKey(line, "openapi") || IsTopLevelKey(line, "swagger")) return true;
            if (IsTopLevelKey(line, "$schema")
                && (line.IndexOf("json-schema.org/", StringComparison.OrdinalIgnoreCase) >= 0
                    || line.IndexOf("spec.openapis.org/oas/", StringComparison.OrdinalIgnoreCase) >= 0)) return true;
            lineStart = lineEnd + 1;
        }
        return false;
    }

    /// <summary>A line at column 0 that is the key <paramref name="key"/> (plain, or in single or double quotes) followed by ':'.</summary>
    private static bool IsTopLevelKey(string line, string key)
    {
        var rest = line;
        if (rest.StartsWith("\"" + key + "\"", StringComparison.Ordinal) || rest.StartsWith("'" + key + "'", StringComparison.Ordinal)) rest = rest.Substring(key.Length + 2);
        else if (rest.StartsWith(key, StringComparison.Ordinal)) rest = rest.Substring(key.Length);
        else return false;
        rest = rest.TrimStart(' ', '\t');
        return rest.StartsWith(":", StringComparison.Ordinal);
    }
}
