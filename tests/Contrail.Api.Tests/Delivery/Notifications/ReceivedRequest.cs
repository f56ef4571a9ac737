namespace Contrail.Api.Tests.Delivery.Notifications;

/// <summary>One request the receiver got; <see cref="Status"/> is set once it was answered.</summary>
internal sealed class ReceivedRequest(int index, string method, string pathAndQuery, Dictionary<string, string> headers, byte[] body)
{
    private int _status;

    public int Index { get; } = index;

    public string Method { get; } = method;

    public string PathAndQuery { get; } = pathAndQuery;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public byte[] Body { get; } = body;

    /// <summary>The status answered; 0 while unanswered, -1 when the client gave up first.</summary>
    public int Status
    {
        get => Volatile.Read(ref _status);
        set => Volatile.Write(ref _status, value);
    }

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"no header {name}");
}
