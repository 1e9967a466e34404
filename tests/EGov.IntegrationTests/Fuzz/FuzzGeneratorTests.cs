using System.Text.Json;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>The fuzz's own parts, without a host: what it generates and how the budget chooses.</summary>
public sealed class FuzzGeneratorTests
{
    private const string Document = """
        {
          "paths": {
            "/api/v1/things/{id}": {
              "post": {
                "operationId": "makeThing",
                "parameters": [
                  { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
                  { "name": "limit", "in": "query", "schema": { "pattern": "^-?(?:0|[1-9]\\d*)$", "type": ["integer", "string"], "format": "int32" } }
                ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } }
              }
            }
          },
          "components": { "schemas": {
            "Thing": { "type": "object", "properties": {
              "name": { "type": ["null", "string"] },
              "kind": { "oneOf": [ { "type": "null" }, { "$ref": "#/components/schemas/Kind" } ] },
              "owner": { "type": "object", "properties": { "email": { "type": "string" } } }
            } },
            "Kind": { "enum": ["Big", "Small"] }
          } }
        }
        """;

    private static OpenApiOperation Operation => Assert.Single(OpenApiDocumentReader.Operations(JsonDocument.Parse(Document).RootElement));

    [Fact]
    public void The_reader_resolves_refs_nullables_and_ASP_NET_integers()
    {
        var op = Operation;
        Assert.Equal("POST /api/v1/things/{id}", op.Key);
        Assert.True(op.Parameters.Single(p => p.Name == "id").Shape.IsUuid);
        Assert.Equal(ShapeKind.Integer, op.Parameters.Single(p => p.Name == "limit").Shape.Kind);
        var fields = op.JsonBody!.Properties!.ToDictionary(p => p.Name, p => p.Shape);
        Assert.Equal(new[] { "Big", "Small" }, fields["kind"].Enum!);
        Assert.Equal(ShapeKind.Object, fields["owner"].Kind);
    }

    [Fact]
    public void Every_field_parameter_and_nested_field_gets_its_mutations_and_each_body_differs_from_the_valid_one_in_that_field_only()
    {
        var cases = CaseGenerator.Mutations(Operation, FuzzSeeds.Placeholder, Principal.Admin);
        foreach (var expected in new[]
                 {
                     "body name: NUL inside", "body name: missing", "body kind: enum: unknown", "body owner: null",
                     "body owner.email: oversize", "body: null", "query limit: int64 max + 1", "path id: uuid: malformed",
                     "header Idempotency-Key: oversize",
                 })
        {
            Assert.True(cases.Any(c => c.Mutation == expected), $"no case \"{expected}\"");
        }

        var nul = cases.Single(c => c.Mutation == "body owner.email: NUL inside");
        var body = JsonDocument.Parse(nul.Body!.Bytes).RootElement;
        Assert.Equal("a\0b", body.GetProperty("owner").GetProperty("email").GetString());
        Assert.Equal("fuzz", body.GetProperty("name").GetString());
        Assert.Equal("Big", body.GetProperty("kind").GetString());
        Assert.All(cases, c => Assert.Equal(Principal.Admin, c.Principal));
    }

    [Fact]
    public void The_same_seed_chooses_the_same_cases_and_every_target_gets_its_telling_mutation_before_any_gets_a_second()
    {
        var cases = CaseGenerator.Mutations(Operation, FuzzSeeds.Placeholder, Principal.Admin);
        var keys = cases.Select(c => (c.Target, c.Priority)).ToList();
        var targets = keys.Select(k => k.Target).Distinct().Count();

        var first = BudgetPlan.Choose(keys, targets, 13, "op");
        Assert.Equal(first, BudgetPlan.Choose(keys, targets, 13, "op"));
        Assert.NotEqual(BudgetPlan.Choose(keys, 3 * targets, 13, "op"), BudgetPlan.Choose(keys, 3 * targets, 14, "op"));
        Assert.Equal(targets, first.Select(i => keys[i].Target).Distinct().Count());
        Assert.All(first.Where(i => keys.Any(k => k.Target == keys[i].Target && k.Priority == 0)), i => Assert.Equal(0, keys[i].Priority));
    }

    [Fact]
    public void The_budget_is_never_exceeded_and_small_operations_get_all_they_want()
    {
        var wanted = new Dictionary<string, int> { ["a"] = 10, ["b"] = 1000, ["c"] = 5000, ["d"] = 40 };
        var allowance = BudgetPlan.Allocate(wanted, 1000);
        Assert.True(allowance.Values.Sum() <= 1000);
        Assert.Equal(10, allowance["a"]);
        Assert.Equal(40, allowance["d"]);
        Assert.Equal(475, allowance["b"]);
        Assert.Equal(475, allowance["c"]);
    }
}
