namespace Contrail.Api.Routing;

/// <summary>Open once the journal is recovered and the event store is open; <c>/health</c> answers 200 from then on.</summary>
internal sealed class ReadinessGate
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void Open() => _ready = true;
}
