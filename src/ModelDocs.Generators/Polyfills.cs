// netstandard2.0 lacks these compiler-support types; declaring them lets the generator use
// records and init accessors. They are internal and never leave this assembly.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
