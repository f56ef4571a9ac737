using System.Text;
using System.Text.Json;
using Contrail.Store.Lake.DuckDb;

namespace Contrail.Store.Tests.Lake.DuckDb;

public sealed class DuckDbParseTreeTests
{
    [Fact]
    public void Read_Refusal_GivesTheParsersTypeAndMessage()
    {
        var tree = DuckDbParseTree.Read("""{"error":true,"error_type":"not implemented","error_message":"Only SELECT statements can be serialized to json!"}"""u8);

        tree.ShouldBe(new DuckDbParseTree(true, "not implemented", "Only SELECT statements can be serialized to json!", 0));
    }

    [Fact]
    public void Read_NestedSubqueries_CountsTheDeepestChainOnly()
    {
        // SELECT (SELECT (SELECT 1)), EXISTS (SELECT 1): depth 2 on one side, 1 on the other.
        var tree = DuckDbParseTree.Read("""
            {"error":false,"statements":[{"node":{"type":"SELECT_NODE","select_list":[
              {"class":"SUBQUERY","subquery":{"node":{"type":"SELECT_NODE","select_list":[
                {"class":"SUBQUERY","subquery":{"node":{"type":"SELECT_NODE","select_list":[{"class":"CONSTANT","value":{"value":"SUBQUERY"}}]}}}]}}},
              {"class":"SUBQUERY","subquery":{"node":{"type":"SELECT_NODE","select_list":[{"class":"CONSTANT","alias":"class"}]}}}]}}]}
            """u8);

        tree.ShouldBe(new DuckDbParseTree(false, null, null, 2));
    }

    [Fact]
    public void Read_DeeperThanAnyTreeDuckDbAllows_Throws()
    {
        var json = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000));

        Should.Throw<JsonException>(() => DuckDbParseTree.Read(json));
    }
}
