using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ModelDocs.Generators.Common;
using Xunit;

namespace ModelDocs.Generators.Tests.Unit;

/// <summary>
/// The helpers of <c>Common/</c> on their own. <see cref="EditDistance.Between"/> is also checked against the
/// textbook full-matrix definitions on random strings over a small alphabet (so that edits and swaps are common).
/// </summary>
public sealed class CommonTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("pet", "pte", 2)]
    [InlineData("Pet", "pet", 1)]
    public void Levenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b, transpositions: false));
        Assert.Equal(expected, EditDistance.Between(b, a, transpositions: false));
    }

    [Theory]
    [InlineData("pet", "pte", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("active", "acitve", 1)]
    public void OptimalStringAlignment(string a, string b, int expected)
        => Assert.Equal(expected, EditDistance.Between(a, b, transpositions: true));

    [Theory]
    [InlineData("a", "abcdef", 2, 3)]
    [InlineData("abcdef", "uvwxyz", 3, 4)]
    [InlineData("abcdef", "abcdeg", 3, 1)]
    public void Capped(string a, string b, int cap, int expected)
        => Assert.Equal(expected, EditDistance.Between(a, b, transpositions: false, cap));

    [Fact]
    public void BetweenMatchesTheFullMatrix()
    {
        var random = new Random(13);
        string Next() => new(Enumerable.Range(0, random.Next(0, 9)).Select(_ => "abc"[random.Next(3)]).ToArray());
        for (var k = 0; k < 5000; k++)
        {
            var (a, b) = (Next(), Next());
            var lev = FullMatrix(a, b, false);
            Assert.Equal(lev, EditDistance.Between(a, b, transpositions: false));
            Assert.Equal(FullMatrix(a, b, true), EditDistance.Between(a, b, transpositions: true));
            for (var cap = 0; cap <= 4; cap++)
            {
                Assert.Equal(Math.Min(lev, cap + 1), EditDistance.Between(a, b, transpositions: false, cap));
                Assert.Equal(Math.Min(FullMatrix(a, b, true), cap + 1), EditDistance.Between(a, b, transpositions: true, cap));
            }
        }
    }

    private static int FullMatrix(string a, string b, bool transpositions)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    [Fact]
    public void ClosestTakesTheEarlierOfEqualDistancesAndAsksAccept()
    {
        var seen = new List<(string, int)>();
        var best = EditDistance.Closest(new[] { "xx", "ab", "ba" }, c => c == "xx" ? 5 : 1, (c, d) =>
        {
            seen.Add((c, d));
            return true;
        });
        Assert.Equal("ab", best);
        Assert.Equal(new[] { ("ab", 1) }, seen);
        Assert.Null(EditDistance.Closest(new[] { "ab" }, _ => 1, (_, _) => false));
        Assert.Null(EditDistance.Closest(Array.Empty<string>(), _ => 0, (_, _) => true));
    }

    [Fact]
    public void UniqueNamesCountFromTwo()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "Pet", "Pet2" };
        Assert.Equal("Pet3", UniqueNames.Claim(taken, "Pet"));
        Assert.Equal("Owner", UniqueNames.Claim(taken, "Owner"));
        Assert.Contains("Pet3", taken);
        Assert.Contains("Owner", taken);
        Assert.Equal("Pet4", UniqueNames.Claim(taken, "Pet"));
        Assert.Equal("Pet", UniqueNames.First("Pet", _ => true));
        Assert.Equal("Pet2", UniqueNames.Numbered("Pet", _ => true));
        Assert.Equal("a.3.g.cs", UniqueNames.Numbered("a", c => c != "a.2.g.cs", ".", ".g.cs"));
    }

    [Theory]
    [InlineData("docs/Pet.md", "Pet.md", "Pet")]
    [InlineData("C:\\repo\\docs\\Pet.md", "Pet.md", "Pet")]
    [InlineData("a/b\\pet.schema.json", "pet.schema.json", "pet.schema")]
    [InlineData("Pet", "Pet", "Pet")]
    [InlineData("docs/.env", ".env", ".env")]
    [InlineData("docs/", "", "")]
    public void PathsSplitAtEitherSlash(string path, string fileName, string stem)
    {
        Assert.Equal(fileName, Paths.FileName(path));
        Assert.Equal(stem, Paths.Stem(path));
    }

    [Theory]
    [InlineData("'open'", "open")]
    [InlineData("  \"open\" ", "open")]
    [InlineData("' a '", " a ")]
    [InlineData("'open\"", "'open\"")]
    [InlineData("'", "'")]
    [InlineData("open", "open")]
    public void Unquote(string s, string expected) => Assert.Equal(expected, Strings.Unquote(s));

    [Theory]
    [InlineData("Pett", "Pet,Pest", ".md", " (did you mean 'Pest.md'?)")] // a tie goes to the ordinally first
    [InlineData("Ownr", "Owner", "", " (did you mean 'Owner'?)")]
    [InlineData("CUSTOMER", "Order,Customer", "", " (did you mean 'Customer'?)")]
    [InlineData("Pte", "Pet", "", "")] // Levenshtein: a swap is 2 edits, above the bound of 1 for 3 letters
    [InlineData("OrdrLneItm", "OrderLineItem", "", " (did you mean 'OrderLineItem'?)")] // 3 edits, the most
    [InlineData("Ordr", "", "", "")]
    public void ModelResolverDidYouMean(string name, string candidates, string suffix, string expected)
        => Assert.Equal(expected, Inference.ModelResolver.DidYouMean(name, candidates.Split(',', StringSplitOptions.RemoveEmptyEntries), suffix));

    /// <summary>Common/ depends on the BCL only: no using of, and no qualified name into, the rest of the generator or Roslyn.</summary>
    [Fact]
    public void CommonDependsOnTheBclOnly()
    {
        var dir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "..", "src", "ModelDocs.Generators", "Common"));
        var files = Directory.GetFiles(dir, "*.cs");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Regex.Matches(text, @"^using\s+([\w.]+);", RegexOptions.Multiline))
            {
                Assert.True(m.Groups[1].Value == "System" || m.Groups[1].Value.StartsWith("System.", StringComparison.Ordinal), $"{Path.GetFileName(file)}: using {m.Groups[1].Value}");
            }
            Assert.DoesNotMatch(@"\b(ModelDocs\.Generators\.(?!Common\b)|Microsoft\.CodeAnalysis)", text);
        }
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
