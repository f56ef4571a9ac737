using Contrail.Delivery.Objects;
using Contrail.Delivery.Tests.Support;
using Contrail.Tests.Support;

namespace Contrail.Delivery.Tests.Objects;

/// <summary><see cref="IObjectStore"/>'s contract on <see cref="S3ObjectStore"/> against moto on loopback, a fresh bucket per test.</summary>
[Collection(MotoCollection.Name)]
public sealed class S3ObjectStoreContractTests(MotoServer moto) : ObjectStoreContractTests
{
    private readonly S3ObjectStore _store = S3Stores.On(moto);
    private string _bucket = string.Empty;

    protected override IObjectStore Store => _store;

    protected override string Bucket => _bucket;

    public override async Task InitializeAsync() => _bucket = await moto.CreateBucketAsync("contract");

    public override Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }
}
