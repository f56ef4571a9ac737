using Contrail.Store.Lake;

namespace Contrail.Store.Tests.Lake.Engine;

/// <summary>An engine in a temporary directory holding every sample record in <see cref="StoreId"/>, and an empty <see cref="OtherStoreId"/>.</summary>
public sealed class LakeEngineFixture : IDisposable
{
    public LakeEngineFixture()
    {
        Engine = LakeEngine.Open(new LakeEngineOptions { Directory = Directory, Threads = 2, MemoryLimitBytes = 512L << 20 });
        foreach (var batch in LakeSamples.Json())
        {
            Engine.Append(StoreId, batch);
        }

        Engine.CreateStore(OtherStoreId);
    }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "contrail-lake-" + Guid.NewGuid().ToString("N"));

    public string StoreId { get; } = "5e2676f8-9fce-46ef-8142-3e36a94e6691";

    public string OtherStoreId { get; } = "0b3a9a36-7c54-4f0e-9d8e-2f1a4c6b8d10";

    public LakeEngine Engine { get; }

    public void Dispose()
    {
        Engine.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
