using System.Text.Json;
using WebApi.Generated;

var builder = WebApplication.CreateSlimBuilder(args);

// The generated context first: it serves the generated records and enums (reflection-free, AOT-safe).
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ModelDocsJsonContext.Default));

// A body that does not bind throws BadHttpRequestException (inner: the JsonException) instead of an empty 400
// (ThrowOnBadRequest is on by default only in Development) ...
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

// ... which becomes a 400 ProblemDetails with the JsonException's message and path.
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
{
    if (ctx.Exception is BadHttpRequestException bad)
    {
        ctx.ProblemDetails.Detail = bad.InnerException is JsonException je ? je.Message : bad.Message;
        if (bad.InnerException is JsonException { Path: { } path })
        {
            ctx.ProblemDetails.Extensions["path"] = path;
        }
    }
});

builder.Services.AddExceptionHandler(o =>
{
    // Without this the exception handler answers 500 for a BadHttpRequestException.
    o.StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
    // Client errors: no error log with a stack trace for each.
    o.SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException;
});

var app = builder.Build();

app.UseExceptionHandler();

app.MapPost("/sessions", (NewCustomerSession s) => s with { ProfileId = s.ProfileId + "!" });
app.MapGet("/sessions/{id}", (string id) => new NewCustomerSession { ProfileId = id });
app.MapPost("/events", (SessionEvent e) => e.GetType().Name);

app.Run();
