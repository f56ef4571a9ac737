using System.Text.Json;

namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>
/// One alternative of a leaf field's list in an event pattern (a value, or a match expression such as
/// <c>{"prefix": "Delete"}</c>), tested against one value of the event. Immutable and thread-safe.
/// </summary>
internal abstract class ValueMatcher
{
    /// <summary>True when the field's absence satisfies this alternative (only <c>{"exists": false}</c>).</summary>
    public virtual bool MatchesAbsent => false;

    /// <summary>Whether one value of the event (never an array: arrays are opened by the caller) satisfies this alternative.</summary>
    public abstract bool Matches(JsonElement value);
}
