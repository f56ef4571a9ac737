using Microsoft.Extensions.Logging;

namespace Contrail.Journal.Tests.Support;

/// <summary>Keeps what was logged, for tests that check an operator is told.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly Lock _lock = new();
    private readonly List<(LogLevel Level, EventId Id, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, EventId Id, string Message)> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lock)
        {
            _entries.Add((logLevel, eventId, formatter(state, exception)));
        }
    }
}
