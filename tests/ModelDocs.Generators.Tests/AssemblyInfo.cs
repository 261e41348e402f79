using Xunit;

// Several tests compile the whole corpus's generated code (hundreds of thousands of lines) and load
// it; run test classes one at a time so the peak memory of the test process stays bounded on a
// small CI machine. The 2 cores gain little from running them side by side anyway.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
