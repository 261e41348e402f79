using System;
using System.Diagnostics;
using System.IO;

namespace ModelDocs.Generators.Tests;

/// <summary>
/// The CPU time the calling thread has used, so that a time limit on work done on that thread holds on a
/// loaded machine too (wall time there grows with every other process; the thread's CPU time does not).
/// Linux reads <c>/proc/thread-self/stat</c> (utime + stime, in clock ticks of 10 ms); elsewhere, or when that
/// file cannot be read, it falls back to wall time.
/// </summary>
internal readonly struct ThreadCpuTime
{
    private const double TickMs = 10; // USER_HZ is 100 on every Linux ABI .NET runs on.
    private readonly double _startCpuMs;
    private readonly Stopwatch _wall;

    private ThreadCpuTime(double startCpuMs, Stopwatch wall) { _startCpuMs = startCpuMs; _wall = wall; }

    public static ThreadCpuTime StartNew() => new(ReadMs(), Stopwatch.StartNew());

    public TimeSpan Elapsed
    {
        get
        {
            if (_startCpuMs < 0) return _wall.Elapsed;
            var now = ReadMs();
            return now < 0 ? _wall.Elapsed : TimeSpan.FromMilliseconds(now - _startCpuMs);
        }
    }

    private static double ReadMs()
    {
        try
        {
            if (!OperatingSystem.IsLinux()) return -1;
            var stat = File.ReadAllText("/proc/thread-self/stat");
            var fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) * TickMs;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return -1;
        }
    }
}
