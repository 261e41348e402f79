using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ModelDocs.Generators.Common;
using ModelDocs.Generators.Model;
using Xunit;

namespace ModelDocs.Generators.Tests.Unit;

/// <summary>
/// <see cref="EquatableArray{T}"/> on its own: value equality and hashing (what keeps the incremental
/// pipeline's cached steps cached), default and empty, nulls, use as a key, and enumeration.
/// </summary>
public sealed class EquatableArrayTests
{
    // The constraint is IEquatable<string> (non-null), but GetHashCode and Equals handle null elements.
    private static EquatableArray<string> Of(params string?[] items) => new(items.Select(s => s!).ToList());

    [Fact]
    public void Arrays_with_equal_contents_are_equal_and_hash_alike()
    {
        var a = new EquatableArray<string>(new[] { "x", "y", "z" });
        var b = new EquatableArray<string>(new List<string> { "x", "y", "z" });

        Assert.True(a.Equals(b));
        Assert.True(b.Equals(a));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equal_contents_in_distinct_string_instances_are_equal()
    {
        var a = new EquatableArray<string>(new[] { new string('q', 3) });
        var b = new EquatableArray<string>(new[] { "qqq" });
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 }, new[] { 3, 2, 1 })]
    [InlineData(new[] { 1, 2, 3 }, new[] { 1, 2 })]
    [InlineData(new[] { 1, 2 }, new[] { 1, 2, 3 })]
    [InlineData(new[] { 1, 2, 3 }, new[] { 1, 2, 4 })]
    [InlineData(new int[0], new[] { 0 })]
    public void Different_contents_or_order_are_not_equal(int[] left, int[] right)
    {
        var a = new EquatableArray<int>(left);
        var b = new EquatableArray<int>(right);
        Assert.False(a.Equals(b));
        Assert.False(b.Equals(a));
        Assert.False(a == b);
        Assert.True(a != b);
    }

    [Fact]
    public void Order_changes_the_hash()
    {
        // Not a requirement of GetHashCode, but a hash that ignored order would put every permutation in one bucket.
        Assert.NotEqual(new EquatableArray<int>(new[] { 1, 2 }).GetHashCode(), new EquatableArray<int>(new[] { 2, 1 }).GetHashCode());
    }

    [Fact]
    public void Default_and_empty_are_the_same_empty_array()
    {
        var @default = default(EquatableArray<string>);
        var empty = EquatableArray<string>.Empty;
        var fresh = new EquatableArray<string>(Array.Empty<string>());
        var fromEmptyList = new List<string>().ToEquatableArray();

        foreach (var e in new[] { @default, empty, fresh, fromEmptyList })
        {
            Assert.True(e.Count == 0);
            Assert.True(e.IsEmpty);
            Assert.Empty(e);
            Assert.True(e == @default);
            Assert.True(e == empty);
            Assert.Equal(@default.GetHashCode(), e.GetHashCode());
        }
        Assert.False(@default == new EquatableArray<string>(new[] { "" }));
        Assert.False(new EquatableArray<string>(new[] { "" }).IsEmpty);
    }

    [Fact]
    public void Null_elements_compare_and_hash()
    {
        var a = Of(null, "a", null);
        var b = Of(null, "a", null);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Of("a", null, null));
        Assert.NotEqual(a, Of("", "a", ""));
        Assert.Null(a[0]);
        Assert.Equal(3, a.Count);
    }

    [Fact]
    public void Equals_object_is_false_for_other_types_and_null()
    {
        var a = new EquatableArray<int>(new[] { 1 });
        Assert.False(a.Equals(null));
        Assert.False(a.Equals(new[] { 1 }));
        Assert.False(a.Equals((object)new EquatableArray<long>(new[] { 1L })));
        Assert.True(a.Equals((object)new EquatableArray<int>(new[] { 1 })));
    }

    [Fact]
    public void Works_as_a_dictionary_key_and_in_a_set()
    {
        var map = new Dictionary<EquatableArray<string>, int>
        {
            [new EquatableArray<string>(new[] { "a", "b" })] = 1,
            [new EquatableArray<string>(new[] { "b", "a" })] = 2,
            [default] = 3,
        };

        Assert.Equal(1, map[new[] { "a", "b" }.ToEquatableArray()]);
        Assert.Equal(2, map[new List<string> { "b", "a" }.ToEquatableArray()]);
        Assert.Equal(3, map[EquatableArray<string>.Empty]);
        Assert.False(map.ContainsKey(new[] { "a" }.ToEquatableArray()));

        var set = new HashSet<EquatableArray<int>>
        {
            new(new[] { 1, 2 }), new(new List<int> { 1, 2 }), new(new[] { 2, 1 }), default, EquatableArray<int>.Empty,
        };
        Assert.Equal(3, set.Count);
    }

    [Fact]
    public void Records_that_hold_one_compare_by_value()
    {
        // What the type is for: a spec record with a collection stays equal across pipeline runs.
        var a = new StateMachineModel(new[] { "open" }.ToEquatableArray(), new[] { new Transition("open", "closed") }.ToEquatableArray());
        var b = new StateMachineModel(new List<string> { "open" }.ToEquatableArray(), new List<Transition> { new("open", "closed") }.ToEquatableArray());
        var c = new StateMachineModel(new[] { "open" }.ToEquatableArray(), new[] { new Transition("closed", "open") }.ToEquatableArray());
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Enumerates_in_order_as_a_read_only_list()
    {
        var a = new[] { "x", "y", "z" }.ToEquatableArray();
        IReadOnlyList<string> list = a;

        Assert.Equal(3, list.Count);
        Assert.Equal("y", list[1]);
        Assert.Equal(new[] { "x", "y", "z" }, a.ToArray());
        var seen = new List<string>();
        foreach (var s in a) seen.Add(s);
        Assert.Equal(new[] { "x", "y", "z" }, seen);
        var untyped = new List<object>();
        foreach (var o in (IEnumerable)a) untyped.Add(o);
        Assert.Equal(new object[] { "x", "y", "z" }, untyped);
        Assert.Throws<IndexOutOfRangeException>(() => a[3]);
    }

    [Fact]
    public void Enumerating_default_yields_nothing()
    {
        var seen = 0;
        foreach (var _ in default(EquatableArray<int>)) seen++;
        Assert.Equal(0, seen);
        Assert.Empty(((IEnumerable)default(EquatableArray<int>)).Cast<object>());
    }

    [Fact]
    public void The_enumerable_constructor_copies_its_source()
    {
        var source = new List<int> { 1, 2 };
        var a = source.ToEquatableArray();
        var before = a.GetHashCode();
        source[0] = 9;
        source.Add(3);
        Assert.Equal(new[] { 1, 2 }, a);
        Assert.Equal(before, a.GetHashCode());
    }

    [Fact]
    public void An_array_is_equal_to_itself_and_to_a_copy()
    {
        var items = new[] { 1.5, double.NaN };
        var a = new EquatableArray<double>(items);
        Assert.True(a.Equals(a));
        // double.Equals treats NaN as equal to NaN, so a copy is equal too.
        Assert.True(a.Equals(new EquatableArray<double>(items.ToList())));
    }
}
