namespace Contrail.Monitoring.FilterPatterns;

/// <summary>The postfix tests of spec §8.1: <c>IS NULL</c>, <c>IS TRUE</c>, <c>IS FALSE</c>, <c>NOT EXISTS</c>.</summary>
internal enum PostfixTest
{
    IsNull,
    IsTrue,
    IsFalse,
    NotExists,
}
