using Contrail.Delivery.Objects;
using Contrail.Delivery.Tests.Support;

namespace Contrail.Delivery.Tests.Objects;

/// <summary><see cref="IObjectStore"/>'s contract on the embedded store.</summary>
public sealed class LocalObjectStoreContractTests : ObjectStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    public LocalObjectStoreContractTests() => Store = new LocalObjectStore(_directory.Path);

    protected override IObjectStore Store { get; }

    protected override string Bucket => "audit-logs";

    public void Dispose() => _directory.Dispose();
}
