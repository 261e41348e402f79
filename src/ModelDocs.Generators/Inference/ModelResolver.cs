using Microsoft.CodeAnalysis.CSharp;
using ModelDocs.Generators.Common;
using ModelDocs.Generators.Diagnostics;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Inference;

/// <summary>
/// Turns one <see cref="DocumentSpec"/> into a <see cref="ModelSpec"/>: C# names, wire names, enums
/// (from enum docs, Java-style enum tables, or prose), state machines, types resolved against the
/// index of all docs, and typed defaults. Reads only specs; knows nothing of emission.
/// </summary>
internal static class ModelResolver
{
    private const string JsonElement = "global::System.Text.Json.JsonElement";

    public static ResolveResult Resolve(DocumentSpec doc, EquatableArray<TypeIndexEntry> index, TargetCapabilities caps, CancellationToken ct)
    {
        var diagnostics = new List<DiagnosticInfo>();
        return InternalErrors.Guard(doc.FileStem, doc.TitleLocation, ct,
            () => new ResolveResult(ResolveCore(doc, index, caps, diagnostics, ct), diagnostics.ToEquatableArray()),
            error =>
            {
                diagnostics.Add(error);
                return new ResolveResult(null, diagnostics.ToEquatableArray());
            });
    }

    public static TypeIndexEntry IndexEntryOf(DocumentSpec doc)
        => new(doc.FilePath, doc.FileStem, TypeNameOf(doc), NamespaceOf(doc), doc.Kind, doc.JsonKey);

    public static string NamespaceOf(DocumentSpec doc) => SanitizeNamespace(doc.Options.Namespace);

    public static string TypeNameOf(DocumentSpec doc) => Identifiers.ToIdentifier(doc.TypeName);

    private static string SanitizeNamespace(string ns)
    {
        var parts = ns.Split(new[] { '.' }, StringSplitOptions.RemoveEmptyEntries).Select(Identifiers.ToIdentifier).ToArray();
        return parts.Length == 0 ? "Models" : string.Join(".", parts);
    }

    /// <summary>One doc's model (enum, union or record), or null when an earlier doc by path owns its type name.</summary>
    private static ModelSpec? ResolveCore(DocumentSpec doc, EquatableArray<TypeIndexEntry> index, TargetCapabilities caps, List<DiagnosticInfo> diagnostics, CancellationToken ct)
    {
        var ns = NamespaceOf(doc);
        var typeName = TypeNameOf(doc);

        // Two docs that define the same type: the first by path keeps it.
        var identity = doc.JsonKey ?? doc.FilePath;
        var owner = OwnerOf(index, ns, typeName);
        if (owner is not null && owner.Identity != identity)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTypeName, doc.TitleLocation, doc.FileStem, typeName, ns, owner.FileStem));
            return null;
        }

        if (doc.Kind == DocumentKind.Enum) return ResolveEnumDoc(doc, ns, typeName, diagnostics);

        var enums = new List<EnumModel>();
        var properties = ResolveProperties(doc, ns, typeName, index, caps, enums, diagnostics, ct);
        if (properties.Count > ModelLimits.MaxSerializedProperties)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooManyProperties, doc.TitleLocation, doc.FileStem, properties.Count, ModelLimits.MaxSerializedProperties));
        }
        if (doc.Kind == DocumentKind.Union) return UnionSpec(doc, ns, typeName, properties, enums);
        return new ModelSpec(ns, typeName, doc.FilePath, doc.Description, DocumentKind.Model, properties.ToEquatableArray(), enums.ToEquatableArray(),
            ResolveHierarchy(doc, index));
    }

    /// <summary>
    /// The doc's properties in order: wire name and C# name (a duplicate wire name is reported and dropped),
    /// the property's enum (added to <paramref name="enums"/>), its resolved type and typed default.
    /// </summary>
    private static List<PropertyModel> ResolveProperties(DocumentSpec doc, string ns, string typeName, EquatableArray<TypeIndexEntry> index, TargetCapabilities caps,
        List<EnumModel> enums, List<DiagnosticInfo> diagnostics, CancellationToken ct)
    {
        var properties = new List<PropertyModel>();
        var seenWireNames = new HashSet<string>(StringComparer.Ordinal);
        var clrNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var reservedTypeNames = new HashSet<string>(index.Where(e => e.Namespace == ns).Select(e => e.TypeName), StringComparer.Ordinal);

        foreach (var raw in doc.Properties)
        {
            ct.ThrowIfCancellationRequested();
            // OpenAPI Generator's python escapes reserved words (date, return) as var_date, var_return:
            // the C# name and the wire name come from the word itself.
            var baseName = (doc.Dialect is Dialect.Python or Dialect.PythonLegacy or Dialect.PythonPrior) && raw.Name.StartsWith("var_", StringComparison.Ordinal) && raw.Name.Length > 4
                ? raw.Name.Substring(4)
                : raw.Name;
            // One JSON name, one property: a row whose wire name an earlier row has is a duplicate
            // (python foo_bar and fooBar are both "fooBar" on the wire).
            var wireName = DialectNames.AreWireNames(doc.Dialect) ? raw.Name : Naming.ToWireName(baseName, doc.Options.WireNaming);
            if (!seenWireNames.Add(wireName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateProperty, raw.Row, raw.Name, doc.FileStem, wireName));
                continue;
            }

            var clrName = UniqueMemberName(raw, baseName, doc, typeName, clrNames, diagnostics);
            var enumModel = PropertyEnum(raw, doc, typeName, reservedTypeNames, diagnostics);
            if (enumModel is not null)
            {
                reservedTypeNames.Add(enumModel.TypeName);
                enums.Add(enumModel);
            }

            var type = ResolveType(raw.Type, raw, doc, ns, index, caps, enumModel, diagnostics);
            var defaultValue = ResolveDefault(raw, type, enumModel, ns, doc, diagnostics, out var unappliedDefault);

            properties.Add(new PropertyModel(
                raw.Name,
                clrName,
                wireName,
                type,
                IsRequired: !raw.IsOptional,
                raw.IsReadOnly,
                raw.IsDeprecated,
                raw.Description.Length == 0 ? null : raw.Description,
                defaultValue,
                raw.IsNullable,
                IsDiscriminator: IsDiscriminatorOf(doc, wireName),
                IsWriteOnly: raw.IsWriteOnly,
                UnappliedDefault: unappliedDefault));
        }
        return properties;
    }

    /// <summary>An enum doc: one enum type, its members from the doc's first section (with their descriptions).</summary>
    private static ModelSpec ResolveEnumDoc(DocumentSpec doc, string ns, string typeName, List<DiagnosticInfo> diagnostics)
    {
        var section = doc.EnumSections.FirstOrDefault();
        var values = section?.Values.Select(v => v.Value) ?? Enumerable.Empty<string>();
        var renames = new List<(string Value, string Name, string Renamed)>();
        var members = Described(EnumInference.Members(values, renames), section);
        ReportMemberRenames(renames, doc, typeName, diagnostics);
        var enumModel = new EnumModel(typeName, doc.Description, EnumOrigin.EnumDoc, members, null, null);
        return new ModelSpec(ns, typeName, doc.FilePath, doc.Description, DocumentKind.Enum,
            EquatableArray<PropertyModel>.Empty, new EquatableArray<EnumModel>(new[] { enumModel }));
    }

    /// <summary>The property's C# name, numbered (and reported) when an earlier property already has it; records it in <paramref name="clrNames"/>.</summary>
    private static string UniqueMemberName(RawProperty raw, string baseName, DocumentSpec doc, string typeName, Dictionary<string, string> clrNames, List<DiagnosticInfo> diagnostics)
    {
        var clrName = MemberName(raw, baseName, doc, typeName, diagnostics);
        if (clrNames.TryGetValue(clrName, out var firstOwner))
        {
            var collided = clrName;
            clrName = UniqueNames.Numbered(collided, c => !clrNames.ContainsKey(c));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, raw.Row, firstOwner, raw.Name, doc.FileStem, collided, clrName));
        }
        clrNames[clrName] = raw.Name;
        return clrName;
    }

    /// <summary>
    /// The property's enum, if it has one: an exact table beats prose (JSON Schema states its enums, so prose
    /// never adds one there). Named after the model and property, clear of <paramref name="reservedTypeNames"/>.
    /// </summary>
    private static EnumModel? PropertyEnum(RawProperty raw, DocumentSpec doc, string typeName, HashSet<string> reservedTypeNames, List<DiagnosticInfo> diagnostics)
    {
        var inner = raw.Type.Innermost;
        var table = FindEnumTable(doc, inner, raw.Name);
        var enumTypeName = UniqueEnumName(typeName + Identifiers.ToPascalCase(raw.Name).TrimStart('_'), reservedTypeNames);
        // An enum section with no rows (android's empty "## Enum: StatusEnum") says nothing: a string.
        if (table is not null && table.Values.Count > 0)
        {
            var renames = new List<(string Value, string Name, string Renamed)>();
            var members = Described(EnumInference.Members(table.Values.Select(v => v.Value), renames), table);
            ReportMemberRenames(renames, doc, enumTypeName, diagnostics);
            // The table gives values; the prose may still describe the state machine.
            var prose = EnumInference.FromProse(raw.Name, raw.Description);
            var origin = doc.Dialect == Dialect.JsonSchema ? EnumOrigin.Schema : EnumOrigin.EnumTable;
            return new EnumModel(enumTypeName, null, origin, members, Restrict(prose?.StateMachine, members), raw.Name);
        }
        if (inner.Kind == TypeKind.String && doc.Dialect != Dialect.JsonSchema)
        {
            var prose = EnumInference.FromProse(raw.Name, raw.Description);
            if (prose is not null)
            {
                var renames = new List<(string Value, string Name, string Renamed)>();
                var members = EnumInference.Members(prose.Values, renames);
                ReportMemberRenames(renames, doc, enumTypeName, diagnostics);
                return new EnumModel(enumTypeName, null, EnumOrigin.Prose, members, prose.StateMachine, raw.Name);
            }
        }
        return null;
    }

    /// <summary>
    /// A union doc: its cases came in as properties (one per member schema); a case dropped as a
    /// duplicate name drops its facts too.
    /// </summary>
    private static ModelSpec UnionSpec(DocumentSpec doc, string ns, string typeName, List<PropertyModel> properties, List<EnumModel> enums)
    {
        var cases = new List<UnionCaseModel>();
        for (int i = 0, k = 0; i < doc.Properties.Count && k < properties.Count; i++)
        {
            if (doc.Properties[i].Name != properties[k].Name) continue;
            var c = i < doc.UnionCases.Count ? doc.UnionCases[i] : new RawUnionCase(UnionTokens.Any, EquatableArray<string>.Empty, EquatableArray<string>.Empty);
            cases.Add(new UnionCaseModel(c.Accepts, c.Required, c.Names));
            k++;
        }
        return new ModelSpec(ns, typeName, doc.FilePath, doc.Description, DocumentKind.Union, properties.ToEquatableArray(), enums.ToEquatableArray(),
            UnionCases: cases.ToEquatableArray());
    }

    /// <summary>Whether the property names the case of a polymorphic hierarchy (this doc's discriminator, or one it is tagged for).</summary>
    private static bool IsDiscriminatorOf(DocumentSpec doc, string wireName)
        => doc.Polymorphism?.PropertyName == wireName || (doc.Tags.Any(t => t.PropertyName == wireName));

    /// <summary>The doc's place in a polymorphic hierarchy, with names resolved (inherited properties come later, in the hierarchy stage).</summary>
    private static HierarchyModel? ResolveHierarchy(DocumentSpec doc, EquatableArray<TypeIndexEntry> index)
    {
        if (doc.Polymorphism is null && doc.BaseKey is null && doc.Extensions.IsEmpty) return null;
        // Only a doc that generates its type: one that lost its name to another doc (MD1010) does not.
        string? FullName(string key) => FindJson(index, key) is { Kind: DocumentKind.Model } e && OwnsItsName(index, e) ? $"global::{e.Namespace}.{Identifiers.EscapeKeyword(e.TypeName)}" : null;
        var baseType = doc.BaseKey is null ? null : FullName(doc.BaseKey);
        PolymorphismModel? polymorphism = null;
        if (doc.Polymorphism is { } p)
        {
            var cases = new List<DiscriminatorCaseModel>();
            foreach (var c in p.Cases)
            {
                if (FullName(c.TargetKey) is { } target) cases.Add(new DiscriminatorCaseModel(c.Value, target));
            }
            var children = p.Children.Select(FullName).Where(n => n is not null).Select(n => n!).ToEquatableArray();
            polymorphism = new PolymorphismModel(p.PropertyName, cases.ToEquatableArray(), children);
        }
        var extensions = doc.Extensions.Select(FullName).Where(n => n is not null).Select(n => n!).ToEquatableArray();
        return new HierarchyModel(baseType, polymorphism, doc.Tags, EquatableArray<PropertyModel>.Empty, extensions, doc.ExtendsBase && baseType is not null);
    }

    /// <summary>Whether <paramref name="entry"/> keeps its type name (see <see cref="OwnerOf"/>).</summary>
    private static bool OwnsItsName(EquatableArray<TypeIndexEntry> index, TypeIndexEntry entry)
        => OwnerOf(index, entry.Namespace, entry.TypeName)?.Identity == entry.Identity;

    /// <summary>The doc that generates a type name in a namespace: of the docs that define it, the first by path.</summary>
    private static TypeIndexEntry? OwnerOf(EquatableArray<TypeIndexEntry> index, string ns, string typeName)
        => index.Where(e => e.Namespace == ns && e.TypeName == typeName)
            .OrderBy(e => e.FilePath, StringComparer.Ordinal).ThenBy(e => e.JsonKey, StringComparer.Ordinal).FirstOrDefault();

    private static string MemberName(RawProperty raw, string baseName, DocumentSpec doc, string typeName, List<DiagnosticInfo> diagnostics)
    {
        var name = Identifiers.ToIdentifier(baseName);
        string? why = null;
        if (name == typeName) why = "is the name of the type that contains it";
        else if (Naming.ReservedMemberNames.Contains(name)) why = "is a member every generated record already has";
        if (why is null) return name;
        var renamed = name + "Value";
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberRenamed, raw.Row, raw.Name, doc.FileStem, name, why, renamed));
        return renamed;
    }

    private static void ReportMemberRenames(List<(string Value, string Name, string Renamed)> renames, DocumentSpec doc, string enumName, List<DiagnosticInfo> diagnostics)
    {
        foreach (var (value, name, renamed) in renames)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, doc.TitleLocation, name, value, doc.FileStem + " (" + enumName + ")", name, renamed));
        }
    }

    private static string UniqueEnumName(string name, HashSet<string> taken)
        => taken.Contains(name) ? UniqueNames.First(name + "Enum", c => !taken.Contains(c)) : name;

    /// <summary>Java-style <c>## Enum: StateEnum</c> table for a property typed <c>StateEnum</c> or linked to <c>#StateEnum</c>.</summary>
    private static RawEnum? FindEnumTable(DocumentSpec doc, TypeSpec inner, string property)
    {
        if (doc.EnumSections.IsEmpty || inner.Kind != TypeKind.Reference) return null;
        // kotlin names the section after the wire property ("## Enum: map_of_enum_string") where the type is InnerEnum.
        foreach (var section in doc.EnumSections)
        {
            if (inner.Name is { } n && n.EndsWith("Enum", StringComparison.Ordinal)
                && string.Equals(section.Name.Replace("_", ""), property.Replace("_", ""), StringComparison.OrdinalIgnoreCase)) return section;
        }
        foreach (var section in doc.EnumSections)
        {
            var name = section.Name;
            // "List<AllowedSubscriptionsEnum>" names the item enum.
            var lt = name.IndexOf('<');
            if (lt >= 0 && name.EndsWith(">", StringComparison.Ordinal)) name = name.Substring(lt + 1, name.Length - lt - 2).Trim();
            if (name == inner.Name) return section;
            // kotlin: "## Enum: outcomes" for the item type Outcomes, "## Enum: array_string_enum_default" for ArrayStringEnumDefault.
            if (inner.Link is { Length: > 0 } && inner.Link[0] == '#' && inner.Name is { } itemName
                && string.Equals(name.Replace("_", ""), itemName.Replace("_", ""), StringComparison.OrdinalIgnoreCase)) return section;
            // An in-doc link: by the heading's name or the anchor before it, in any case (ktorm links #Status to "## Enum: status").
            if (inner.Link is { } link && link.StartsWith("#", StringComparison.Ordinal)
                && (string.Equals(link.Substring(1), section.Name, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(link.Substring(1), section.Anchor, StringComparison.OrdinalIgnoreCase))) return section;
        }
        return null;
    }

    /// <summary>The members with what the doc says of each value (JSON Schema: a <c>const</c> member's title and description).</summary>
    private static EquatableArray<EnumMemberModel> Described(EquatableArray<EnumMemberModel> members, RawEnum? section)
    {
        if (section is null || section.Values.All(v => v.Description is null)) return members;
        return members.Select(m => m with { Description = section.Values.FirstOrDefault(v => v.Value == m.WireValue)?.Description }).ToEquatableArray();
    }

    /// <summary>Keeps only the states and transitions whose values the enum has.</summary>
    private static StateMachineModel? Restrict(StateMachineModel? machine, EquatableArray<EnumMemberModel> members)
    {
        if (machine is null) return null;
        var values = new HashSet<string>(members.Select(m => m.WireValue), StringComparer.Ordinal);
        return new StateMachineModel(
            machine.Creatable.Where(values.Contains).ToEquatableArray(),
            machine.Transitions.Where(t => values.Contains(t.From) && values.Contains(t.To)).ToEquatableArray());
    }

    private static ResolvedType ResolveType(TypeSpec type, RawProperty raw, DocumentSpec doc, string ns, EquatableArray<TypeIndexEntry> index,
        TargetCapabilities caps, EnumModel? enumModel, List<DiagnosticInfo> diagnostics)
    {
        switch (type.Kind)
        {
            case TypeKind.List:
            {
                var element = ResolveType(type.Element!, raw, doc, ns, index, caps, enumModel, diagnostics);
                return new ResolvedType(TypeKind.List, $"global::System.Collections.Generic.IReadOnlyList<{element.ClrName}>", false, element);
            }
            case TypeKind.Map:
            {
                var element = ResolveType(type.Element!, raw, doc, ns, index, caps, enumModel, diagnostics);
                return new ResolvedType(TypeKind.Map, $"global::System.Collections.Generic.IReadOnlyDictionary<string, {element.ClrName}>", false, element);
            }
            case TypeKind.String when enumModel is not null:
                return new ResolvedType(TypeKind.Reference, $"global::{ns}.{enumModel.TypeName}", true, EnumName: enumModel.TypeName);
            case TypeKind.String: return new ResolvedType(TypeKind.String, "string", false);
            case TypeKind.Int32: return new ResolvedType(TypeKind.Int32, "int", true);
            case TypeKind.Int64: return new ResolvedType(TypeKind.Int64, "long", true);
            case TypeKind.Integer: return new ResolvedType(TypeKind.Integer, "long", true);
            case TypeKind.Float: return new ResolvedType(TypeKind.Float, "float", true);
            case TypeKind.Double: return new ResolvedType(TypeKind.Double, "double", true);
            case TypeKind.Number:
                return doc.Options.NumberType == NumberType.Double
                    ? new ResolvedType(TypeKind.Number, "double", true)
                    : new ResolvedType(TypeKind.Number, "decimal", true);
            case TypeKind.Decimal: return new ResolvedType(TypeKind.Decimal, "decimal", true);
            case TypeKind.Boolean: return new ResolvedType(TypeKind.Boolean, "bool", true);
            case TypeKind.Date:
                return caps.HasDateOnly
                    ? new ResolvedType(TypeKind.Date, "global::System.DateOnly", true)
                    : new ResolvedType(TypeKind.Date, "global::System.DateTime", true);
            case TypeKind.DateTime: return new ResolvedType(TypeKind.DateTime, "global::System.DateTimeOffset", true);
            case TypeKind.Uuid: return new ResolvedType(TypeKind.Uuid, "global::System.Guid", true);
            case TypeKind.Bytes: return new ResolvedType(TypeKind.Bytes, "byte[]", false);
            case TypeKind.Any: return new ResolvedType(TypeKind.Any, JsonElement, true);
            case TypeKind.Reference:
                if (enumModel is not null && enumModel.Origin is EnumOrigin.EnumTable or EnumOrigin.Schema)
                    return new ResolvedType(TypeKind.Reference, $"global::{ns}.{enumModel.TypeName}", true, EnumName: enumModel.TypeName);
                return ResolveReference(type, raw, doc, ns, index, caps, diagnostics);
            default:
                return new ResolvedType(TypeKind.Any, JsonElement, true);
        }
    }

    private static TypeIndexEntry? FindJson(EquatableArray<TypeIndexEntry> index, string key)
    {
        foreach (var e in index)
        {
            if (e.JsonKey is not null && string.Equals(e.JsonKey, key, StringComparison.Ordinal)) return e;
        }
        return null;
    }

    /// <summary>
    /// A reference's type: a JSON $ref by its key, a markdown link by the doc it links (or the name it spells),
    /// else by name; the target's full name, a value type for enums and unions.
    /// </summary>
    private static ResolvedType ResolveReference(TypeSpec type, RawProperty raw, DocumentSpec doc, string ns, EquatableArray<TypeIndexEntry> index, TargetCapabilities caps, List<DiagnosticInfo> diagnostics)
    {
        TypeIndexEntry? target = null;
        if (type.Link is not null && type.Link.StartsWith("json:", StringComparison.Ordinal))
        {
            // JSON $ref: by file and pointer (the reader wrote both in the key).
            target = FindJson(index, type.Link);
            if (target is null) return UnresolvedJsonReference(type.Link, raw, doc, index, diagnostics);
        }
        else if (type.Link is not null && !type.Link.StartsWith("#", StringComparison.Ordinal))
        {
            target = Pick(index.Where(e => string.Equals(e.FileStem, type.Link, StringComparison.OrdinalIgnoreCase)), ns);
            // Generators link a container to a doc named after it (go's [**[][]ReadOnlyFirst**](List.md), rust's
            // [**Vec<Vec<models::ReadOnlyFirst>>**](array.md)): a link to no doc leaves the name to say the type.
            if (target is null && type.Name is { Length: > 0 } named)
                target = Pick(index.Where(e => e.TypeName == named || e.FileStem == named), ns);
            // A link to a doc the SDK does not ship, on a name that spells a type (bash's [**Decimal**](Decimal.md),
            // ktorm's [**java.time.LocalDateTime**](java.time.LocalDateTime.md)): that type, as the reader spelled it.
            if (target is null && type.Spelled is { } spelled)
                return ResolveType(spelled, raw, doc, ns, index, caps, null, diagnostics);
            if (target is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedLink, raw.TypeCell, raw.Name, doc.FileStem, type.Link + ".md",
                    DidYouMean(type.Link, index.Select(e => e.FileStem), ".md")));
                return new ResolvedType(TypeKind.Any, JsonElement, true);
            }
        }
        else
        {
            var name = type.Name ?? string.Empty;
            target = Pick(index.Where(e => e.TypeName == name || e.FileStem == name), ns);
            // C names a model's struct pet_t after its doc pet.md.
            if (target is null && doc.Dialect == Dialect.C && name.EndsWith("_t", StringComparison.Ordinal))
            {
                var stem = name.Substring(0, name.Length - 2);
                target = Pick(index.Where(e => string.Equals(e.FileStem, stem, StringComparison.OrdinalIgnoreCase)), ns);
            }
            if (target is null) return UnfoundName(name, type, raw, doc, index, diagnostics);
        }
        // Enums and unions (readonly structs) are value types.
        return new ResolvedType(TypeKind.Reference, $"global::{target.Namespace}.{target.TypeName}", target.Kind is DocumentKind.Enum or DocumentKind.Union,
            EnumName: target.Kind == DocumentKind.Enum ? target.TypeName : null);
    }

    /// <summary>A JSON $ref to no type of the compilation: reported (naming whether its file is there at all), and read as any JSON.</summary>
    private static ResolvedType UnresolvedJsonReference(string link, RawProperty raw, DocumentSpec doc, EquatableArray<TypeIndexEntry> index, List<DiagnosticInfo> diagnostics)
    {
        var hash = link.IndexOf('#');
        var file = link.Substring(5, hash - 5);
        var why = index.Any(e => e.JsonKey is not null && e.JsonKey.StartsWith("json:" + file + "#", StringComparison.Ordinal))
            ? "names no schema of that file that becomes a type (aliases across files are not followed)"
            : "is not a JSON Schema or OpenAPI AdditionalFile in this compilation";
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, raw.TypeCell, raw.Name, doc.FileStem, raw.TypeText ?? link, why));
        return new ResolvedType(TypeKind.Any, JsonElement, true);
    }

    /// <summary>
    /// A type name no doc has: an inline enum OpenAPI Generator does not list is a string; anything else is
    /// reported (with the nearest type name) and read as any JSON.
    /// </summary>
    private static ResolvedType UnfoundName(string name, TypeSpec type, RawProperty raw, DocumentSpec doc, EquatableArray<TypeIndexEntry> index, List<DiagnosticInfo> diagnostics)
    {
        // OpenAPI Generator names an inline enum it does not list (csharp: Model.StateEnum), or links it to a
        // section of the doc that lists no values (kotlin: [**inline**](#StatusEnum)): a string.
        // C: openapi_petstore_pet_STATUS_e.
        if (name.EndsWith("Enum", StringComparison.Ordinal) || type.Link?.StartsWith("#", StringComparison.Ordinal) == true
            || (doc.Dialect == Dialect.C && name.EndsWith("_e", StringComparison.Ordinal)))
            return new ResolvedType(TypeKind.String, "string", false);
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownType, raw.TypeCell, raw.TypeText ?? name, raw.Name, doc.FileStem,
            "no model doc of that name is in the compilation" + DidYouMean(name, index.Select(e => e.TypeName), string.Empty)));
        return new ResolvedType(TypeKind.Any, JsonElement, true);
    }

    private static TypeIndexEntry? Pick(IEnumerable<TypeIndexEntry> candidates, string ns)
        => candidates.OrderBy(e => e.Namespace == ns ? 0 : 1).ThenBy(e => e.FilePath, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>
    /// " (did you mean '{closest}{suffix}'?)" for the candidate nearest <paramref name="name"/> ignoring case
    /// (Levenshtein, ties to the ordinally first), when it is at most a third of the name's length away (1 to 3
    /// edits); otherwise empty.
    /// </summary>
    internal static string DidYouMean(string name, IEnumerable<string> candidates, string suffix)
    {
        var lower = name.ToLowerInvariant();
        var best = EditDistance.Closest(candidates.OrderBy(c => c, StringComparer.Ordinal),
            c => EditDistance.Between(lower, c.ToLowerInvariant(), transpositions: false, cap: 3),
            (_, distance) => distance <= Math.Max(1, Math.Min(3, name.Length / 3)));
        return best is not null ? $" (did you mean '{best}{suffix}'?)" : string.Empty;
    }

    /// <summary>
    /// The documented default where it converts to the type without loss (JSON's <c>0</c> → <c>"0"</c> for a
    /// string, <c>"5"</c> → <c>5</c> for an integer, <c>"true"</c> for a bool, a numeric string for a number);
    /// otherwise null, MD1007 when it does not fit the type, and <paramref name="unapplied"/> = the documented
    /// text for the XML docs. Objects and arrays are never applied; on a map, model, list or JSON value they
    /// fit, so they are documented without a diagnostic.
    /// </summary>
    private static DefaultValue? ResolveDefault(RawProperty raw, ResolvedType type, EnumModel? enumModel, string ns, DocumentSpec doc, List<DiagnosticInfo> diagnostics, out string? unapplied)
    {
        unapplied = null;
        string? documented = null;
        DefaultValue? Fail(string what)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnparseableDefault, raw.NotesCell, documented, raw.Name, doc.FileStem, what));
            return null;
        }

        var json = raw.DefaultJson;
        if (json is { Length: > 0 } && (json[0] == '{' || json[0] == '['))
        {
            unapplied = documented = json;
            var fits = json[0] == '['
                ? type.Kind is TypeKind.List or TypeKind.Any
                : type.Kind is TypeKind.Map or TypeKind.Any || (type.Kind == TypeKind.Reference && type.EnumName is null);
            return fits ? null : Fail(type.Kind.ToString().ToLowerInvariant() + " (an " + (json[0] == '[' ? "array" : "object") + " is not one)");
        }

        var text = raw.DefaultText;
        if (text is null) return null;
        var t = text.Trim();
        // JSON's "" on a string stays no default (as markdown's empty cell); on any other type it cannot convert.
        if (t.Length == 0 && json == "\"\"" && type.Kind != TypeKind.String)
        {
            unapplied = documented = json;
            return Fail(type.EnumName is not null ? "value of " + type.EnumName : type.Kind.ToString().ToLowerInvariant() + " (an empty string is not one)");
        }
        if (t.Length == 0 || t == "null" || t == "None" || t == "nil" || t == "undefined") return null;
        var unquoted = Strings.Unquote(t);
        documented = text;
        var result = ResolveScalarDefault(raw, type, enumModel, ns, unquoted, Fail);
        if (result is null) unapplied = json ?? text;
        return result;
    }

    private static DefaultValue? ResolveScalarDefault(RawProperty raw, ResolvedType type, EnumModel? enumModel, string ns, string unquoted, Func<string, DefaultValue?> Fail)
    {
        if (type.EnumName is not null && type.Kind == TypeKind.Reference)
        {
            if (enumModel is null) return Fail("value of enum " + type.EnumName + " (defined in another doc)");
            var member = enumModel.Members.FirstOrDefault(m => m.WireValue == unquoted)
                         ?? enumModel.Members.FirstOrDefault(m => string.Equals(m.WireValue, unquoted, StringComparison.OrdinalIgnoreCase));
            if (member is null)
            {
                // csharp/java write StateEnum.Open.
                var last = unquoted.Substring(unquoted.LastIndexOf('.') + 1);
                member = enumModel.Members.FirstOrDefault(m => string.Equals(m.Name, Identifiers.ToIdentifier(last), StringComparison.OrdinalIgnoreCase)
                                                              || string.Equals(m.Name, last, StringComparison.OrdinalIgnoreCase));
            }
            if (member is null) return Fail("value of " + enumModel.TypeName + " (" + string.Join(", ", enumModel.Members.Select(m => m.WireValue)) + ")");
            return new DefaultValue($"global::{ns}.{enumModel.TypeName}.{member.Name}", member.WireValue);
        }

        switch (type.Kind)
        {
            case TypeKind.String:
                return new DefaultValue(SymbolDisplay.FormatLiteral(unquoted, quote: true), unquoted);
            case TypeKind.Boolean:
                if (string.Equals(unquoted, "true", StringComparison.OrdinalIgnoreCase)) return new DefaultValue("true", "true");
                if (string.Equals(unquoted, "false", StringComparison.OrdinalIgnoreCase)) return new DefaultValue("false", "false");
                return Fail("boolean");
            case TypeKind.Int32:
                return int.TryParse(unquoted, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i32)
                    ? new DefaultValue(i32.ToString(CultureInfo.InvariantCulture), unquoted) : Fail("32-bit integer");
            case TypeKind.Int64:
            case TypeKind.Integer:
                return long.TryParse(unquoted.TrimEnd('L', 'l'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i64)
                    ? new DefaultValue(i64.ToString(CultureInfo.InvariantCulture) + "L", unquoted) : Fail("integer");
            case TypeKind.Float:
            case TypeKind.Double:
            case TypeKind.Number:
            case TypeKind.Decimal:
            {
                var n = unquoted.TrimEnd('M', 'm', 'F', 'f', 'D', 'd');
                if (type.ClrName == "decimal")
                {
                    return decimal.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var dec)
                        ? new DefaultValue(dec.ToString(CultureInfo.InvariantCulture) + "m", unquoted) : Fail("decimal number");
                }
                if (!double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var dbl) || double.IsInfinity(dbl) || double.IsNaN(dbl)) return Fail("number");
                var literal = dbl.ToString("R", CultureInfo.InvariantCulture);
                return new DefaultValue(literal + (type.ClrName == "float" ? "f" : "d"), unquoted);
            }
            default:
                return Fail(type.Kind.ToString().ToLowerInvariant() + " default (only strings, numbers, booleans and enum values are supported)");
        }
    }
}
