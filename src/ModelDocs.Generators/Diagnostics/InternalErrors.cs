using ModelDocs.Generators.Model;

namespace ModelDocs.Generators.Diagnostics;

/// <summary>
/// The one catch for bugs (issue 12, "never throw"): every per-doc step (parse, resolve, type names,
/// hierarchy, emit) runs its work through <see cref="Guard{T}"/>, so an exception becomes MD9001 on that
/// doc and the other docs still generate. An exception that reached the driver would cost the user every
/// generated file of the compilation. Cancellation is the only exception that passes.
/// </summary>
internal static class InternalErrors
{
    /// <summary>
    /// <paramref name="work"/>, or, if it throws, <paramref name="fallback"/> given the MD9001 naming
    /// <paramref name="what"/> at <paramref name="at"/>.
    /// </summary>
    public static T Guard<T>(string what, LocationInfo? at, CancellationToken ct, Func<T> work, Func<DiagnosticInfo, T> fallback)
    {
        try
        {
            return work();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return fallback(Diagnostic(what, at, ex));
        }
    }

    /// <summary><see cref="Guard{T}"/> for a step over one resolved model: the MD9001 names its type, at the start of its file.</summary>
    public static T Guard<T>(ModelSpec model, CancellationToken ct, Func<T> work, Func<DiagnosticInfo, T> fallback)
        => Guard(model.TypeName, FileStart(model.FilePath), ct, work, fallback);

    /// <summary>MD9001: the doc (or file) <paramref name="what"/>, the exception's type and message.</summary>
    public static DiagnosticInfo Diagnostic(string what, LocationInfo? at, Exception ex)
        => DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, at, what, ex.GetType().Name, ex.Message);

    /// <summary>The start of a file, for a step that holds no location of its own (a model spec carries none, so it stays equal when lines move).</summary>
    public static LocationInfo FileStart(string path) => new(path, new TextSpan(0, 0), new LinePositionSpan(default, default));
}
