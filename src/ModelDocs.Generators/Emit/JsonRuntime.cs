namespace ModelDocs.Generators.Emit;

/// <summary>
/// The helpers every generated converter calls: token readers that throw <c>JsonException</c> (never
/// <c>FormatException</c> or <c>InvalidOperationException</c>), error messages that name the model, the
/// property and the JSON path, and value-equality comparers for lists, maps, bytes and <c>JsonElement</c>.
/// Emitted once per compilation (internal), only when the compilation's System.Text.Json has the
/// APIs the converters use (.NET 8 or later).
/// </summary>
internal static class JsonRuntime
{
    /// <summary>
    /// The runtime's text: its fixed parts, joined line by line with the two that vary: the strictness the
    /// build chose (<c>ModelDocsUnknownValues</c>), and the <c>DateOnly</c> helpers, only for a target that has the type.
    /// </summary>
    public static string Source(bool strictByDefault, bool hasDateOnly) => string.Join("\n",
        BeforeStrictness,
        strictByDefault ? StrictByDefaultTrue : StrictByDefaultFalse,
        BeforeDateOnly,
        hasDateOnly ? DateOnlyHelpers : string.Empty,
        AfterDateOnly);

    private const string BeforeStrictness = $$"""
{{GeneratedFile.FileHeader}}

namespace ModelDocs.Internal
{
    /// <summary>A JSON error inside a generated model, with the path below the value being read.</summary>
    internal sealed class ModelDocsJsonException : global::System.Text.Json.JsonException
    {
        public ModelDocsJsonException(string message, string relativePath = "", bool named = false, global::System.Exception? inner = null)
            : base(message, inner)
        {
            Core = message;
            RelativePath = relativePath;
            Named = named;
        }

        /// <summary>The message without the path.</summary>
        public string Core { get; }

        /// <summary>The path below the outermost generated value, e.g. <c>.cartItems[2].sku</c>.</summary>
        public string RelativePath { get; }

        /// <summary>Whether <see cref="Core"/> already names the model and property.</summary>
        public bool Named { get; }
    }

    /// <summary>Reading and writing helpers for the generated converters. Not for use by other code.</summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    internal static class ModelDocsJson
    {
        /// <summary>From the <c>ModelDocsUnknownValues</c> build option: throw on unknown properties and enum values.</summary>
""";

    private const string StrictByDefaultTrue = """
        public const bool StrictByDefault = true;
""";

    private const string StrictByDefaultFalse = """
        public const bool StrictByDefault = false;
""";

    private const string BeforeDateOnly = """

        /// <summary>Most undocumented values one enum keeps per process; more means hostile input.</summary>
        public const int MaxUndocumentedValues = 10000;

        /// <summary>Strict when the build says so, or when the options disallow unmapped members.</summary>
        public static bool IsStrict(global::System.Text.Json.JsonSerializerOptions options)
            => StrictByDefault || options.UnmappedMemberHandling == global::System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;

        /// <summary>Advances to the next token that is not a comment; the end of input is an error.</summary>
        public static void Read(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            do
            {
                if (!reader.Read()) throw new ModelDocsJsonException("The JSON ended before the value was complete.");
            }
            while (reader.TokenType == global::System.Text.Json.JsonTokenType.Comment);
        }

        /// <summary>The current property name or string as unescaped UTF-8.</summary>
        public static global::System.ReadOnlySpan<byte> Utf8(ref global::System.Text.Json.Utf8JsonReader reader)
            => reader.HasValueSequence || reader.ValueIsEscaped
                ? global::System.Text.Encoding.UTF8.GetBytes(reader.GetString() ?? string.Empty)
                : reader.ValueSpan;

        public static bool IsDataError(global::System.Exception ex)
            => ex is global::System.Text.Json.JsonException
                or global::System.InvalidOperationException
                or global::System.FormatException
                or global::System.OverflowException
                or global::System.ArgumentException;

        /// <summary>Adds one path segment (and, the first time, the model and property) to an error from below.</summary>
        public static ModelDocsJsonException At(global::System.Exception ex, string model, string? property)
        {
            var segment = property is null ? string.Empty : Segment(property);
            if (ex is ModelDocsJsonException m)
            {
                if (m.Named) return new ModelDocsJsonException(m.Core, segment + m.RelativePath, true, m.InnerException);
                return new ModelDocsJsonException((property is null ? model + ": " : model + "." + property + ": ") + m.Core, segment + m.RelativePath, true, m.InnerException);
            }
            var core = ex.Message;
            return new ModelDocsJsonException(property is null ? model + ": " + core : model + "." + property + ": " + core, segment, true, ex);
        }

        /// <summary>Adds an array index to an error from below.</summary>
        public static ModelDocsJsonException AtIndex(global::System.Exception ex, int index)
        {
            var segment = "[" + index.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "]";
            return ex is ModelDocsJsonException m
                ? new ModelDocsJsonException(m.Core, segment + m.RelativePath, m.Named, m.InnerException)
                : new ModelDocsJsonException(ex.Message, segment, false, ex);
        }

        /// <summary>Adds a map key to an error from below.</summary>
        public static ModelDocsJsonException AtKey(global::System.Exception ex, string key)
            => ex is ModelDocsJsonException m
                ? new ModelDocsJsonException(m.Core, Segment(key) + m.RelativePath, m.Named, m.InnerException)
                : new ModelDocsJsonException(ex.Message, Segment(key), false, ex);

        /// <summary>The exception a converter lets out: a plain JsonException whose Path and message hold the full path.</summary>
        public static global::System.Text.Json.JsonException Final(global::System.Exception ex, string typeName)
        {
            var m = ex as ModelDocsJsonException;
            var core = m is null ? typeName + ": " + ex.Message : m.Named ? m.Core : typeName + ": " + m.Core;
            var path = "$" + (m?.RelativePath ?? string.Empty);
            long? line = null;
            long? position = null;
            for (var e = ex; e is not null; e = e.InnerException)
            {
                if (e is global::System.Text.Json.JsonException j && j.LineNumber is not null)
                {
                    line = j.LineNumber;
                    position = j.BytePositionInLine;
                    break;
                }
            }
            return new global::System.Text.Json.JsonException(core + " Path: " + path + ".", path, line, position, m?.InnerException ?? (m is null ? ex : null));
        }

        private static string Segment(string name)
        {
            foreach (var c in name)
            {
                if (!(c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return "['" + name.Replace("'", "\\'") + "']";
            }
            return name.Length == 0 ? "['']" : "." + name;
        }

        private static string Describe(global::System.Text.Json.JsonTokenType token) => token switch
        {
            global::System.Text.Json.JsonTokenType.StartObject => "an object",
            global::System.Text.Json.JsonTokenType.StartArray => "an array",
            global::System.Text.Json.JsonTokenType.String => "a string",
            global::System.Text.Json.JsonTokenType.Number => "a number",
            global::System.Text.Json.JsonTokenType.True or global::System.Text.Json.JsonTokenType.False => "a boolean",
            global::System.Text.Json.JsonTokenType.Null => "null",
            _ => token.ToString(),
        };

        public static ModelDocsJsonException Unexpected(ref global::System.Text.Json.Utf8JsonReader reader, string expected)
            => new ModelDocsJsonException("expected " + expected + " but found " + Describe(reader.TokenType) + ".");

        public static ModelDocsJsonException Missing(string model, string properties)
            => new ModelDocsJsonException(model + ": the required propert" + (properties.IndexOf(',') >= 0 ? "ies " : "y ") + properties + (properties.IndexOf(',') >= 0 ? " are" : " is") + " missing.", named: true);

        public static ModelDocsJsonException NotNullable()
            => new ModelDocsJsonException("null is not allowed here: the docs say this value is required.");

        public static ModelDocsJsonException NullItem()
            => new ModelDocsJsonException("null is not allowed as an item.");

        public static ModelDocsJsonException Duplicate()
            => new ModelDocsJsonException("the property appears more than once.");

        /// <summary>Marks the property <paramref name="index"/> as read in its word of bits; a second time is a duplicate.</summary>
        public static void Seen(ref ulong word, int index)
        {
            var bit = 1UL << (index & 63);
            if ((word & bit) != 0) throw Duplicate();
            word |= bit;
        }

        public static ModelDocsJsonException UnknownProperty()
            => new ModelDocsJsonException("the property is not in the model docs (strict mode).");

        public static ModelDocsJsonException UndocumentedValue(string enumName, string value)
            => new ModelDocsJsonException("'" + value + "' is not a documented value of " + enumName + " (strict mode).");

        public static ModelDocsJsonException UndocumentedCase(string value)
            => new ModelDocsJsonException("'" + value + "' is not a documented value of the discriminator (strict mode).");

        /// <summary>
        /// Looks ahead, on a copy of the reader (the caller's stays where it is), for a property of the object
        /// the reader is on; true with <paramref name="value"/> on that property's value. Converters get the
        /// whole value buffered, so the look-ahead never needs more input; if it does, it gives up (false).
        /// </summary>
        public static bool FindProperty(global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> name, out global::System.Text.Json.Utf8JsonReader value)
        {
            value = default;
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject) return false;
            while (true)
            {
                if (!NextToken(ref reader) || reader.TokenType != global::System.Text.Json.JsonTokenType.PropertyName) return false;
                var match = reader.ValueTextEquals(name);
                if (!NextToken(ref reader)) return false;
                if (match)
                {
                    value = reader;
                    return true;
                }
                if (reader.TokenType is global::System.Text.Json.JsonTokenType.StartObject or global::System.Text.Json.JsonTokenType.StartArray && !reader.TrySkip()) return false;
            }
        }

        private static bool NextToken(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            do
            {
                if (!reader.Read()) return false;
            }
            while (reader.TokenType == global::System.Text.Json.JsonTokenType.Comment);
            return true;
        }

        public static ModelDocsJsonException TooManyUndocumented(string enumName)
            => new ModelDocsJsonException("more than " + MaxUndocumentedValues.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " distinct undocumented values of " + enumName + " were read; refusing to keep more.");

        private static ModelDocsJsonException OutOfRange(string expected)
            => new ModelDocsJsonException("the number is not " + expected + ".");

        public static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader)
            => reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString()! : throw Unexpected(ref reader, "a string");

        public static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType switch
        {
            global::System.Text.Json.JsonTokenType.True => true,
            global::System.Text.Json.JsonTokenType.False => false,
            _ => throw Unexpected(ref reader, "true or false"),
        };

        public static int ReadInt32(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number) throw Unexpected(ref reader, "an integer");
            return reader.TryGetInt32(out var value) ? value : throw OutOfRange("a 32-bit integer");
        }

        public static long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number) throw Unexpected(ref reader, "an integer");
            return reader.TryGetInt64(out var value) ? value : throw OutOfRange("a 64-bit integer");
        }

        public static float ReadSingle(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number) throw Unexpected(ref reader, "a number");
            return reader.TryGetSingle(out var value) && float.IsFinite(value) ? value : throw OutOfRange("within the range of float");
        }

        public static double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number) throw Unexpected(ref reader, "a number");
            return reader.TryGetDouble(out var value) && double.IsFinite(value) ? value : throw OutOfRange("within the range of double");
        }

        public static decimal ReadDecimal(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number) throw Unexpected(ref reader, "a number");
            return reader.TryGetDecimal(out var value) ? value : throw OutOfRange("within the range of decimal");
        }

        public static global::System.DateTimeOffset ReadDateTimeOffset(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String) throw Unexpected(ref reader, "a date-time string");
            return reader.TryGetDateTimeOffset(out var value) ? value : throw new ModelDocsJsonException("'" + reader.GetString() + "' is not an RFC 3339 date-time.");
        }

        public static global::System.DateTime ReadDateTime(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String) throw Unexpected(ref reader, "a date string");
            return reader.TryGetDateTime(out var value) ? value : throw new ModelDocsJsonException("'" + reader.GetString() + "' is not a date.");
        }

        public static global::System.Guid ReadGuid(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String) throw Unexpected(ref reader, "a UUID string");
            return reader.TryGetGuid(out var value) ? value : throw new ModelDocsJsonException("'" + reader.GetString() + "' is not a UUID.");
        }

        public static byte[] ReadBytes(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String) throw Unexpected(ref reader, "a base64 string");
            return reader.TryGetBytesFromBase64(out var value) ? value : throw new ModelDocsJsonException("the string is not valid base64.");
        }
""";

    private const string DateOnlyHelpers = """

        public static global::System.DateOnly ReadDateOnly(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String) throw Unexpected(ref reader, "a date string (yyyy-MM-dd)");
            var text = reader.GetString();
            if (!global::System.DateOnly.TryParseExact(text, "yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out var value))
                throw new ModelDocsJsonException("'" + text + "' is not a date (yyyy-MM-dd).");
            return value;
        }

        public static void WriteDateOnly(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateOnly value)
            => writer.WriteStringValue(value.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture));

""";

    private const string AfterDateOnly = """
        /// <summary>Writes kept unknown properties, skipping any whose name the model itself writes.</summary>
        public static void WriteUnknown(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement> unknown, global::System.Func<string, bool> isKnown)
        {
            foreach (var pair in unknown)
            {
                if (isKnown(pair.Key)) continue;
                writer.WritePropertyName(pair.Key);
                pair.Value.WriteTo(writer);
            }
        }
    }

    /// <summary>Value equality for what records hold by reference: lists, maps, bytes and JSON values.</summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    internal static class ModelDocsEquality
    {
        public static readonly BytesComparer Bytes = new BytesComparer();
        public static readonly ElementComparer Element = new ElementComparer();
        public static readonly OptionalElementComparer OptionalElement = new OptionalElementComparer();
        public static readonly MapComparer<global::System.Text.Json.JsonElement> Unknown = new MapComparer<global::System.Text.Json.JsonElement>(Element);

        public static int Hash(int h, int value) => unchecked(h * -1521134295 + value);

        public sealed class ListComparer<T> : global::System.Collections.Generic.IEqualityComparer<global::System.Collections.Generic.IReadOnlyList<T>?>
        {
            private readonly global::System.Collections.Generic.IEqualityComparer<T> _item;

            public ListComparer(global::System.Collections.Generic.IEqualityComparer<T> item) => _item = item;

            public bool Equals(global::System.Collections.Generic.IReadOnlyList<T>? x, global::System.Collections.Generic.IReadOnlyList<T>? y)
            {
                if (ReferenceEquals(x, y)) return true;
                if (x is null || y is null || x.Count != y.Count) return false;
                for (var i = 0; i < x.Count; i++)
                {
                    if (!_item.Equals(x[i], y[i])) return false;
                }
                return true;
            }

            public int GetHashCode(global::System.Collections.Generic.IReadOnlyList<T>? obj)
            {
                if (obj is null) return 0;
                var h = obj.Count;
                for (var i = 0; i < obj.Count; i++)
                {
                    var item = obj[i];
                    h = Hash(h, item is null ? 0 : _item.GetHashCode(item));
                }
                return h;
            }
        }

        public sealed class MapComparer<T> : global::System.Collections.Generic.IEqualityComparer<global::System.Collections.Generic.IReadOnlyDictionary<string, T>?>
        {
            private readonly global::System.Collections.Generic.IEqualityComparer<T> _value;

            public MapComparer(global::System.Collections.Generic.IEqualityComparer<T> value) => _value = value;

            public bool Equals(global::System.Collections.Generic.IReadOnlyDictionary<string, T>? x, global::System.Collections.Generic.IReadOnlyDictionary<string, T>? y)
            {
                if (ReferenceEquals(x, y)) return true;
                if (x is null || y is null || x.Count != y.Count) return false;
                foreach (var pair in x)
                {
                    if (!y.TryGetValue(pair.Key, out var other) || !_value.Equals(pair.Value, other)) return false;
                }
                return true;
            }

            public int GetHashCode(global::System.Collections.Generic.IReadOnlyDictionary<string, T>? obj)
            {
                if (obj is null) return 0;
                var h = obj.Count;
                foreach (var pair in obj)
                {
                    // Order-independent: dictionaries that are equal may enumerate differently.
                    h ^= global::System.StringComparer.Ordinal.GetHashCode(pair.Key) * 31 + (pair.Value is null ? 0 : _value.GetHashCode(pair.Value));
                }
                return h;
            }
        }

        public sealed class BytesComparer : global::System.Collections.Generic.IEqualityComparer<byte[]?>
        {
            public bool Equals(byte[]? x, byte[]? y)
                => ReferenceEquals(x, y) || (x is not null && y is not null && global::System.MemoryExtensions.SequenceEqual<byte>(x, y));

            public int GetHashCode(byte[]? obj)
            {
                if (obj is null) return 0;
                var h = obj.Length;
                for (var i = 0; i < obj.Length && i < 64; i++) h = Hash(h, obj[i]);
                return h;
            }
        }

        /// <summary>Deep equality of JSON values: objects by property set, numbers by value.</summary>
        public sealed class ElementComparer : global::System.Collections.Generic.IEqualityComparer<global::System.Text.Json.JsonElement>
        {
            public bool Equals(global::System.Text.Json.JsonElement x, global::System.Text.Json.JsonElement y)
            {
                if (x.ValueKind != y.ValueKind) return false;
                switch (x.ValueKind)
                {
                    case global::System.Text.Json.JsonValueKind.Object:
                    {
                        var count = 0;
                        foreach (var p in x.EnumerateObject())
                        {
                            count++;
                            if (!y.TryGetProperty(p.Name, out var other) || !Equals(p.Value, other)) return false;
                        }
                        foreach (var _ in y.EnumerateObject()) count--;
                        return count == 0;
                    }
                    case global::System.Text.Json.JsonValueKind.Array:
                    {
                        if (x.GetArrayLength() != y.GetArrayLength()) return false;
                        using var a = x.EnumerateArray();
                        using var b = y.EnumerateArray();
                        while (a.MoveNext() && b.MoveNext())
                        {
                            if (!Equals(a.Current, b.Current)) return false;
                        }
                        return true;
                    }
                    case global::System.Text.Json.JsonValueKind.String:
                        return x.GetString() == y.GetString();
                    case global::System.Text.Json.JsonValueKind.Number:
                        if (x.GetRawText() == y.GetRawText()) return true;
                        if (x.TryGetDecimal(out var dx) && y.TryGetDecimal(out var dy)) return dx == dy;
                        return x.TryGetDouble(out var fx) && y.TryGetDouble(out var fy) && fx.Equals(fy);
                    default:
                        return true;
                }
            }

            public int GetHashCode(global::System.Text.Json.JsonElement obj) => obj.ValueKind switch
            {
                global::System.Text.Json.JsonValueKind.String => Hash((int)obj.ValueKind, global::System.StringComparer.Ordinal.GetHashCode(obj.GetString() ?? string.Empty)),
                global::System.Text.Json.JsonValueKind.Array => Hash((int)obj.ValueKind, obj.GetArrayLength()),
                _ => (int)obj.ValueKind,
            };
        }

        public sealed class OptionalElementComparer : global::System.Collections.Generic.IEqualityComparer<global::System.Text.Json.JsonElement?>
        {
            public bool Equals(global::System.Text.Json.JsonElement? x, global::System.Text.Json.JsonElement? y)
                => x is null ? y is null : y is not null && Element.Equals(x.Value, y.Value);

            public int GetHashCode(global::System.Text.Json.JsonElement? obj) => obj is null ? 0 : Element.GetHashCode(obj.Value);
        }
    }
}
""";
}
