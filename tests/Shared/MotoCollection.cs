using Xunit;

namespace Contrail.Tests.Support;

/// <summary>The tests that share one <see cref="MotoServer"/> (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
