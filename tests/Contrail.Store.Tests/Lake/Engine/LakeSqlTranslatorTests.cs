using Contrail.Store.Lake.Sql;

namespace Contrail.Store.Tests.Lake.Engine;

public sealed class LakeSqlTranslatorTests
{
    [Theory]
    [InlineData("SELECT * FROM 5E2676F8-9fce-46ef-8142-3e36a94e6691 AS a", "SELECT * FROM \"5e2676f8-9fce-46ef-8142-3e36a94e6691\" AS a")]
    [InlineData("SELECT '5e2676f8-9fce-46ef-8142-3e36a94e6691', \"5e2676f8-9fce-46ef-8142-3e36a94e6691\"", "SELECT '5e2676f8-9fce-46ef-8142-3e36a94e6691', \"5e2676f8-9fce-46ef-8142-3e36a94e6691\"")]
    [InlineData("SELECT x5e2676f8-9fce-46ef-8142-3e36a94e6691", "SELECT x5e2676f8-9fce-46ef-8142-3e36a94e6691")]
    [InlineData("SELECT element_at(m, 'k'), ELEMENT_AT (m, 'k'), t.element_at, element_at", "SELECT trino.element_at(m, 'k'), trino.element_at (m, 'k'), t.element_at, element_at")]
    [InlineData("SELECT approx_distinct(x), date_add('day', 1, t) -- date_add(\n", "SELECT approx_count_distinct(x), trino.date_add('day', 1, t) -- date_add(\n")]
    [InlineData("SELECT 'it''s date(' || json_extract_scalar(j, '$.a') /* element_at( */", "SELECT 'it''s date(' || trino.json_extract_scalar(j, '$.a') /* element_at( */")]
    public void Translate_RewritesStoreIdsAndTrinoFunctionsOnly(string trino, string duckDb) =>
        LakeSqlTranslator.Translate(trino).ShouldBe(duckDb);

    [Theory]
    [InlineData("5e2676f8-9fce-46ef-8142-3e36a94e6691", true)]
    [InlineData("5e2676f8-9fce-46ef-8142-3e36a94e669", false)]
    [InlineData("5e2676f8_9fce-46ef-8142-3e36a94e6691", false)]
    [InlineData("events", false)]
    public void IsStoreId_AcceptsHyphenatedUuidsOnly(string text, bool expected) =>
        LakeSqlTranslator.IsStoreId(text).ShouldBe(expected);
}
