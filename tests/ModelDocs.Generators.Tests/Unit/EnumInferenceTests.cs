using System.Collections.Generic;
using System.Linq;
using ModelDocs.Generators.Inference;
using ModelDocs.Generators.Model;
using Xunit;

namespace ModelDocs.Generators.Tests.Unit;

/// <summary>
/// <see cref="EnumInference"/> on its own: the prose patterns that state a closed set of values (the
/// rules in its doc comment and in the README's "Enums and state machines from prose"), the ones that
/// must not give an enum, and enum members from wire values. Descriptions are written by hand in the
/// style of the Talon.One docs.
/// </summary>
public sealed class EnumInferenceTests
{
    private static List<string>? Values(string description, string propertyName = "state")
        => EnumInference.FromProse(propertyName, description)?.Values;

    private static string Edges(StateMachineModel machine)
        => string.Join(", ", machine.Transitions.Select(t => $"{t.From}>{t.To}"));

    // 1. state machines

    [Fact]
    public void A_state_machine_gives_its_states_creatable_states_and_transitions()
    {
        const string description = "Indicates the current state of the session. Sessions can be created as `open` or `closed`. "
            + "The state transitions are:\n1. `open` → `closed`\n2. `open` → `cancelled`\n3. `closed` → `cancelled` or `partially_returned`\n4. `partially_returned` → `cancelled`";
        var inferred = EnumInference.FromProse("state", description);

        Assert.NotNull(inferred);
        Assert.Equal(new[] { "open", "closed", "cancelled", "partially_returned" }, inferred!.Values);
        var machine = inferred.StateMachine!;
        Assert.Equal(new[] { "open", "closed" }, machine.Creatable);
        Assert.Equal("open>closed, open>cancelled, closed>cancelled, closed>partially_returned, partially_returned>cancelled", Edges(machine));
    }

    [Theory]
    [InlineData("`draft` -> `published`")]
    [InlineData("`draft` → `published`")]
    [InlineData("`draft` ⇒ `published`")]
    [InlineData("`draft` => `published`")]
    [InlineData("`draft`→`published`")]
    public void Each_arrow_spelling_is_a_transition(string description)
    {
        var inferred = EnumInference.FromProse("status", description)!;
        Assert.Equal(new[] { "draft", "published" }, inferred.Values);
        Assert.Equal("draft>published", Edges(inferred.StateMachine!));
        Assert.Empty(inferred.StateMachine!.Creatable);
    }

    [Fact]
    public void Or_or_a_comma_after_the_target_gives_a_second_target()
    {
        var or = EnumInference.FromProse("state", "`a` → `b` or `c`.")!;
        Assert.Equal(new[] { "a", "b", "c" }, or.Values);
        Assert.Equal("a>b, a>c", Edges(or.StateMachine!));
        var comma = EnumInference.FromProse("state", "`a` → `b`, `c`.")!;
        Assert.Equal(new[] { "a", "b", "c" }, comma.Values);
        Assert.Equal("a>b, a>c", Edges(comma.StateMachine!));
    }

    /// <summary>A comma that separates two transitions is not a second target: the state after it starts the next one.</summary>
    [Theory]
    [InlineData("`draft` → `published`, `published` → `archived`.", "draft, published, archived", "draft>published, published>archived")]
    [InlineData("`open` → `closed`, `open` → `cancelled`.", "open, closed, cancelled", "open>closed, open>cancelled")]
    [InlineData("`a` -> `b`, `c` -> `d` or `e`.", "a, b, c, d, e", "a>b, c>d, c>e")]
    public void A_comma_list_of_transitions_keeps_every_transition(string prose, string values, string edges)
    {
        var inferred = EnumInference.FromProse("state", prose)!;
        Assert.Equal(values, string.Join(", ", inferred.Values));
        Assert.Equal(edges, Edges(inferred.StateMachine!));
    }

    [Theory]
    [InlineData("Items are created in the state `new`. `new` → `done`.")]
    [InlineData("Items are created in state `new`. `new` → `done`.")]
    [InlineData("Items are CREATED AS `new`. `new` → `done`.")]
    public void Created_in_or_as_gives_the_creatable_states(string description)
    {
        var inferred = EnumInference.FromProse("state", description)!;
        Assert.Equal(new[] { "new" }, inferred.StateMachine!.Creatable);
        Assert.Equal(new[] { "new", "done" }, inferred.Values);
    }

    [Fact]
    public void Creatable_states_come_first_and_values_are_listed_once()
    {
        var inferred = EnumInference.FromProse("state", "Created as `b`, `a` and `b`. `a` → `b`. `a` → `b`. `b` → `a`.")!;
        Assert.Equal(new[] { "b", "a" }, inferred.StateMachine!.Creatable);
        Assert.Equal(new[] { "b", "a" }, inferred.Values);
        Assert.Equal("a>b, b>a", Edges(inferred.StateMachine!));
    }

    [Fact]
    public void Values_with_dashes_dots_and_digits_are_states()
    {
        var inferred = EnumInference.FromProse("state", "`in-progress` → `v1.2_done`")!;
        Assert.Equal(new[] { "in-progress", "v1.2_done" }, inferred.Values);
    }

    [Fact]
    public void A_value_with_a_space_is_not_a_state()
    {
        Assert.Null(EnumInference.FromProse("state", "`in progress` → `done`"));
    }

    [Fact]
    public void A_state_machine_is_read_even_for_a_reason_property()
    {
        // Rule 1 comes before rule 2.
        Assert.Equal(new[] { "a", "b" }, Values("`a` → `b`", "cancellation_reason"));
    }

    // 2. open-ended values

    [Theory]
    [InlineData("reason")]
    [InlineData("rejectionReason")]
    [InlineData("failure_reasons")]
    [InlineData("REASON")]
    public void Reason_properties_are_open_ended(string propertyName)
    {
        Assert.Null(Values("- `expired`: the coupon expired\n- `used`: the coupon was used", propertyName));
        Assert.NotNull(Values("- `expired`: the coupon expired\n- `used`: the coupon was used", "kind"));
    }

    [Theory]
    [InlineData("- `a`: first\n- `b`: second\nOther values are returned for new features.")]
    [InlineData("The value `x` or `y` is returned by the server.\n- `x`: first\n- `y`: second")]
    [InlineData("- `a`: first\n- `b`: second\nMore may be returned.")]
    public void Values_the_server_returns_are_open_ended(string description)
    {
        Assert.Null(Values(description));
    }

    [Fact]
    public void Returned_inside_a_code_span_does_not_count()
    {
        Assert.Equal(new[] { "a", "b" }, Values("- `a`: first, see `is returned`\n- `b`: second"));
    }

    // 3. examples describe a format

    [Theory]
    [InlineData("A duration, for example `30s` or `5D`. `30s` means thirty seconds, `5D` means five days.")]
    [InlineData("Examples:\n- `30s`: thirty seconds\n- `5D`: five days")]
    [InlineData("- `30s`: thirty seconds\n- `5D`: five days\nThese are EXAMPLES.")]
    public void Examples_are_not_a_closed_set(string description)
    {
        Assert.Null(Values(description));
    }

    // 4. definition lists

    [Fact]
    public void A_definition_list_gives_its_values_in_order()
    {
        Assert.Equal(new[] { "low", "medium", "high" },
            Values("The priority.\n- `low`: the lowest.\n- `medium`: the default.\n- `high`: the highest."));
    }

    [Fact]
    public void A_definition_list_with_dashes_in_its_values()
    {
        Assert.Equal(new[] { "in-progress", "on-hold" }, Values("- `in-progress`: being worked on\n- `on-hold`: waiting"));
    }

    [Fact]
    public void A_value_listed_twice_is_one_value()
    {
        Assert.Equal(new[] { "a", "b" }, Values("- `a`: first\n- `b`: second\n- `a`: first again"));
    }

    [Fact]
    public void A_definition_list_needs_two_bullets()
    {
        Assert.Null(Values("- `only`: the one value"));
    }

    [Theory]
    [InlineData("- `two words`: first\n- `b`: second")]
    [InlineData("- `a=1`: first\n- `b`: second")]
    public void A_definition_list_with_a_value_that_is_not_a_token_is_no_enum(string description)
    {
        Assert.Null(Values(description));
    }

    [Fact]
    public void A_definition_list_with_a_bullet_that_is_not_backticked_is_open()
    {
        Assert.Null(Values("- `a`: first\n- `b`: second\n- anything else: custom"));
    }

    [Theory]
    [InlineData("The unit:\n- `s`: seconds\n- `m`: minutes")]
    [InlineData("Units: - `s`: seconds - `m`: minutes")]
    public void A_list_of_units_is_no_enum(string description)
    {
        Assert.Null(Values(description));
    }

    // 5. can be empty or

    [Theory]
    [InlineData("Can be empty or `all`.", "all")]
    [InlineData("The scope. It can be empty or `cart-items`.", "cart-items")]
    public void Can_be_empty_or(string description, string value)
    {
        Assert.Equal(new[] { value }, Values(description));
    }

    // 6. clauses

    [Fact]
    public void Clauses_that_start_with_a_value_and_a_verb()
    {
        Assert.Equal(new[] { "all", "none" }, Values("`all` requires every item to match, `none` requires that no item matches."));
        Assert.Equal(new[] { "any", "all", "first" }, Values("`any` matches one item. `all` matches every item; `first` takes the first one."));
    }

    [Fact]
    public void One_clause_is_not_a_set()
    {
        Assert.Null(Values("`all` requires every item to match."));
    }

    [Fact]
    public void A_value_that_starts_two_clauses_is_no_set()
    {
        Assert.Null(Values("`all` requires every item. `all` excludes nothing."));
    }

    // no values

    [Theory]
    [InlineData("")]
    [InlineData("A free text without code.")]
    [InlineData("The scope of the discount, such as `setDiscount`.")]
    [InlineData("Either `a` or `b`.")]
    [InlineData("`unterminated")]
    public void Prose_without_a_closed_set_gives_no_enum(string description)
    {
        Assert.Null(EnumInference.FromProse("scope", description));
    }

    [Fact]
    public void A_description_longer_than_the_limit_is_not_searched()
    {
        var list = "- `a`: first\n- `b`: second\n";
        Assert.NotNull(Values(list));
        Assert.Null(Values(list + new string(' ', EnumInference.MaxDescriptionLength)));
        Assert.NotNull(Values(list + new string(' ', EnumInference.MaxDescriptionLength - list.Length)));
    }

    // members

    [Fact]
    public void Members_are_PascalCased_wire_values_in_order()
    {
        var members = EnumInference.Members(new[] { "open", "closed", "partially_returned", "OK", "30s", "class", "in-progress" });
        Assert.Equal(new[] { "Open", "Closed", "PartiallyReturned", "Ok", "_30s", "Class", "InProgress" }, members.Select(m => m.Name));
        Assert.Equal(new[] { "open", "closed", "partially_returned", "OK", "30s", "class", "in-progress" }, members.Select(m => m.WireValue));
    }

    [Fact]
    public void Members_skip_a_repeated_wire_value()
    {
        var members = EnumInference.Members(new[] { "a", "b", "a" });
        Assert.Equal(new[] { "a", "b" }, members.Select(m => m.WireValue));
    }

    [Fact]
    public void Members_of_an_empty_and_a_punctuation_only_value()
    {
        var members = EnumInference.Members(new[] { "", "-", "*" });
        Assert.Equal(new[] { "Empty", "Value", "Value2" }, members.Select(m => m.Name));
        Assert.Equal(new[] { "", "-", "*" }, members.Select(m => m.WireValue));
    }

    [Fact]
    public void Members_whose_names_collide_are_numbered_and_reported()
    {
        var renames = new List<(string Value, string Name, string Renamed)>();
        var members = EnumInference.Members(new[] { "in_progress", "in-progress", "IN_PROGRESS", "InProgress" }, renames);

        Assert.Equal(new[] { "InProgress", "InProgress2", "InProgress3", "InProgress4" }, members.Select(m => m.Name));
        Assert.Equal(new[] { "in_progress", "in-progress", "IN_PROGRESS", "InProgress" }, members.Select(m => m.WireValue));
        Assert.Equal(new[]
        {
            ("in-progress", "InProgress", "InProgress2"),
            ("IN_PROGRESS", "InProgress", "InProgress3"),
            ("InProgress", "InProgress", "InProgress4"),
        }, renames);
    }

    [Fact]
    public void Numbered_names_do_not_collide_with_a_value_that_has_the_number()
    {
        var members = EnumInference.Members(new[] { "a2", "a", "A", "" , "empty" });
        var names = members.Select(m => m.Name).ToArray();
        Assert.Equal(new[] { "A2", "A", "A3", "Empty", "Empty2" }, names);
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Fact]
    public void Members_of_no_values()
    {
        Assert.Empty(EnumInference.Members(new string[0]));
    }
}
