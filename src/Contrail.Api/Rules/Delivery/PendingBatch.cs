namespace Contrail.Api.Rules.Delivery;

/// <summary>
/// The deliveries owed for one batch of journal records, and the position after it. It starts with
/// one hold (the consumer's, while it hands the batch's matches out); each delivery adds one and
/// releases it when the event was delivered or dead-lettered. At zero the batch is done: the
/// consumer may save a position at or past <see cref="End"/> once every earlier batch is done too.
/// </summary>
internal sealed class PendingBatch(long end, Action done)
{
    private int _remaining = 1;

    public long End => end;

    public bool IsDone => Volatile.Read(ref _remaining) == 0;

    public void Add() => Interlocked.Increment(ref _remaining);

    public void Release()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            done();
        }
    }
}
