using System.Text.RegularExpressions;
using ModelDocs.Generators.Common;
using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Inference;

/// <summary>
/// Finds the allowed values of a string property in its description. Precision comes first: an enum
/// is emitted only when the prose states a closed set, never from a lone backticked word. Rules, in order:
/// <list type="number">
/// <item>A state machine (<c>`a` → `b`</c>, also <c>-&gt;</c>) gives its states, with "created as `x` or `y`".</item>
/// <item>Properties named <c>…reason</c>, and values described as "returned" by the server, are open-ended: no enum.</item>
/// <item>Descriptions that give "examples" describe a format, not a set: no enum.</item>
/// <item>A definition list (<c>- `value`: meaning</c>, two or more) whose every bullet is a backticked token, and that is not a list of units.</item>
/// <item>"Can be empty or `x`".</item>
/// <item>Clauses that each start with a backticked value and a verb (<c>`all` requires …, `none` requires …</c>).</item>
/// </list>
/// Measured against the Talon.One ground truth by the corpus tests.
/// </summary>
internal static class EnumInference
{
    /// <summary>Descriptions longer than this are not searched (real ones are a few KB).</summary>
    public const int MaxDescriptionLength = 64 * 1024;

    private const string Tok = @"[A-Za-z0-9_.\-]+";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Regex TransitionRx = new(@"`(" + Tok + @")`\s*(?:→|->|⇒|=>)\s*`(" + Tok + @")`(?:\s*(?:or|,)\s*`(" + Tok + @")`(?!\s*(?:→|->|⇒|=>)))?", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex CreatedAsRx = new(@"created (?:as|in(?: the)?(?: state)?) ((?:`" + Tok + @"`(?:,\s*|\s*or\s*|\s*and\s*)?)+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);
    private static readonly Regex TickRx = new(@"`(" + Tok + @")`", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex CodeSpanRx = new(@"`[^`]*`", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex ReturnedRx = new(@"\b(?:is|are|be) returned\b", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex ExamplesRx = new(@"\bexamples?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);
    private static readonly Regex DefinitionRx = new(@"(?:^|\s)-\s+`([^`]+)`\s*:", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex OpenBulletRx = new(@"(?:^|\s)-\s+[^`\s*]", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex UnitsRx = new(@"units?\s*:\s*-\s+`", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);
    private static readonly Regex EmptyOrRx = new(@"[Cc]an be empty or `(" + Tok + @")`", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex ClauseRx = new(@"(?:^|[.,;]\s+)`(" + Tok + @")`\s+[a-z]+s\b", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex TokenRx = new("^" + Tok + "$", RegexOptions.CultureInvariant, Timeout);

    public sealed class Inferred(List<string> values, StateMachineModel? stateMachine)
    {
        public List<string> Values { get; } = values;
        public StateMachineModel? StateMachine { get; } = stateMachine;
    }

    public static Inferred? FromProse(string propertyName, string description)
    {
        if (description.Length == 0 || description.Length > MaxDescriptionLength || description.IndexOf('`') < 0) return null;
        try
        {
            return FromProseCore(propertyName, description);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// The enum the prose states, tried in order: transitions (a state machine), definitions ("`a`: ..."
    /// twice or more), "empty or `x`", then clauses; none for a reason, returned values or examples.
    /// </summary>
    private static Inferred? FromProseCore(string propertyName, string description)
    {
        var transitions = TransitionRx.Matches(description);
        if (transitions.Count > 0) return StateMachine(transitions, description);

        if (propertyName.EndsWith("reason", StringComparison.OrdinalIgnoreCase) || propertyName.EndsWith("reasons", StringComparison.OrdinalIgnoreCase)) return null;
        var plain = CodeSpanRx.Replace(description, string.Empty);
        if (ReturnedRx.IsMatch(plain) || ExamplesRx.IsMatch(plain)) return null;

        var defs = DefinitionRx.Matches(description);
        if (defs.Count >= 2) return Definitions(defs, description);

        var emptyOr = EmptyOrRx.Match(description);
        if (emptyOr.Success) return new Inferred(new List<string> { emptyOr.Groups[1].Value }, null);

        var clauses = ClauseRx.Matches(description);
        if (clauses.Count >= 2)
        {
            var values = new List<string>();
            foreach (Match m in clauses)
            {
                if (values.Contains(m.Groups[1].Value)) return null;
                values.Add(m.Groups[1].Value);
            }
            return new Inferred(values, null);
        }
        return null;
    }

    /// <summary>
    /// The states and transitions the prose describes: the values it says a new one is created as (first),
    /// then each transition's source and targets, with the edges between them.
    /// </summary>
    private static Inferred StateMachine(MatchCollection transitions, string description)
    {
        var values = new List<string>();
        var creatable = new List<string>();
        var edges = new List<Transition>();
        var created = CreatedAsRx.Match(description);
        if (created.Success)
        {
            foreach (Match m in TickRx.Matches(created.Groups[1].Value)) AddOnce(creatable, m.Groups[1].Value);
        }
        foreach (var c in creatable) AddOnce(values, c);
        foreach (Match m in transitions)
        {
            var from = m.Groups[1].Value;
            AddOnce(values, from);
            for (var g = 2; g <= 3; g++)
            {
                if (!m.Groups[g].Success) continue;
                var to = m.Groups[g].Value;
                AddOnce(values, to);
                var edge = new Transition(from, to);
                if (!edges.Contains(edge)) edges.Add(edge);
            }
        }
        var machine = new StateMachineModel(creatable.ToEquatableArray(), edges.ToEquatableArray());
        return new Inferred(values, machine);
    }

    /// <summary>The defined values, when each is a token and no open bullet list or unit follows (else none: the prose is not an enum).</summary>
    private static Inferred? Definitions(MatchCollection defs, string description)
    {
        var values = new List<string>();
        foreach (Match m in defs)
        {
            var v = m.Groups[1].Value;
            if (!TokenRx.IsMatch(v)) return null;
            AddOnce(values, v);
        }
        var firstAt = defs[0].Index;
        if (OpenBulletRx.IsMatch(description.Substring(firstAt + 1))) return null;
        if (UnitsRx.IsMatch(description)) return null;
        return new Inferred(values, null);
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value)) list.Add(value);
    }

    /// <summary>Enum members from wire values: PascalCased, unique, in document order.</summary>
    public static EquatableArray<EnumMemberModel> Members(IEnumerable<string> wireValues, List<(string Value, string Name, string Renamed)>? renames = null)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMemberModel>();
        foreach (var value in wireValues)
        {
            if (!seenValues.Add(value)) continue;
            var name = value.Length == 0 ? "Empty" : Identifiers.ToIdentifier(value);
            if (name == "_") name = "Value";
            var candidate = UniqueNames.Claim(used, name);
            if (candidate != name) renames?.Add((value, name, candidate));
            members.Add(new EnumMemberModel(candidate, value));
        }
        return members.ToEquatableArray();
    }
}
