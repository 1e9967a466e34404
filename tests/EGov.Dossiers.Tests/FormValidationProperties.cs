using System.Globalization;
using CsCheck;
using EGov.Dossiers.Intake;
using EGov.Modules.Sdk;

namespace EGov.Dossiers.Tests;

/// <summary>
/// The intake's form check against forms generated from every field type and constraint: a value generated from a
/// field's own constraints is accepted, and a value that breaks exactly one constraint of one field is refused with
/// exactly one error, naming <c>details.&lt;that field&gt;</c>.
/// </summary>
public sealed class FormValidationProperties
{
    /// <summary>A field, a value it accepts, and values that each break one of its constraints (null: absent).</summary>
    private sealed record Case(FormField Field, string Valid, IReadOnlyList<string?> Violations);

    // Patterns the built-in modules use, each with a generator of matching values and a value that does not match.
    private static readonly (string Pattern, Gen<string> Matching, string NotMatching)[] Patterns =
    [
        ("[0-9]{12}", Digits(12), "00109000000"),
        ("[0-9]{10}(-?[0-9]{3})?", Gen.Select(Digits(10), OneOf("", "-001", "123"), (a, b) => a + b), "010123456"),
        ("[A-Z]{2} ?[0-9]{6,8}", Gen.Select(Gen.String[Gen.Char['A', 'Z'], 2, 2], OneOf("", " "), Gen.Int[6, 8].SelectMany(Digits), (a, b, c) => a + b + c), "ab 123456"),
    ];

    private static Gen<string> OneOf(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static Gen<string> Digits(int n) => Gen.String[Gen.Char['0', '9'], n, n];

    private static readonly Gen<string> Name = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."], 1, 20];

    private static FormField Field(FormFieldType type, bool required) => new("f", "Trường", "Field", type) { Required = required };

    private static string Inv(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static List<string?> Base(bool required) => required ? [null, "   "] : [];

    private static readonly Gen<Case> Text =
        from required in Gen.Bool
        from multiline in Gen.Bool
        from bounded in Gen.Bool
        from length in Gen.Int[1, 300]
        let max = bounded ? length : (int?)null
        from value in Gen.String[Gen.Char.AlphaNumeric, 1, max ?? 300]
        select new Case(Field(multiline ? FormFieldType.Multiline : FormFieldType.Text, required) with { MaxLength = max }, value,
            [.. Base(required), .. max is { } m ? new[] { new string('x', m + 1) } : Array.Empty<string>()]);

    private static readonly Gen<Case> Patterned =
        from required in Gen.Bool
        from i in Gen.Int[0, Patterns.Length - 1]
        from value in Patterns[i].Matching
        select new Case(Field(FormFieldType.Text, required) with { Pattern = Patterns[i].Pattern }, value,
            [.. Base(required), Patterns[i].NotMatching, value + "\n", " " + value]);

    private static readonly Gen<Case> Integer =
        from required in Gen.Bool
        from a in Gen.Long[-1_000_000, 1_000_000]
        from b in Gen.Long[-1_000_000, 1_000_000]
        from bounded in Gen.Bool
        from value in Gen.Long[Math.Min(a, b), Math.Max(a, b)]
        let min = bounded ? Math.Min(a, b) : (long?)null
        let max = bounded ? Math.Max(a, b) : (long?)null
        select new Case(Field(FormFieldType.Integer, required) with { Min = min, Max = max }, value.ToString(CultureInfo.InvariantCulture),
            [.. Base(required), value + ".5", "1e3", "١٢", "12a", .. min is { } lo ? new[] { (lo - 1).ToString(CultureInfo.InvariantCulture), (max!.Value + 1).ToString(CultureInfo.InvariantCulture) } : Array.Empty<string>()]);

    private static readonly Gen<Case> Decimal =
        from required in Gen.Bool
        from a in Gen.Int[-10_000_000, 10_000_000]
        from b in Gen.Int[-10_000_000, 10_000_000]
        from bounded in Gen.Bool
        from cents in Gen.Int[Math.Min(a, b), Math.Max(a, b)]
        let min = bounded ? Math.Min(a, b) / 100m : (decimal?)null
        let max = bounded ? Math.Max(a, b) / 100m : (decimal?)null
        select new Case(Field(FormFieldType.Decimal, required) with { Min = min, Max = max }, Inv(cents / 100m),
            [.. Base(required), "1,5", "12.", ".5", "1e3", "1 000", "một", .. min is { } lo ? new[] { Inv(lo - 0.01m), Inv(max!.Value + 0.01m) } : Array.Empty<string>()]);

    private static readonly Gen<Case> Date =
        from required in Gen.Bool
        from day in Gen.Int[0, 365 * 200]
        select new Case(Field(FormFieldType.Date, required), new DateOnly(1900, 1, 1).AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [.. Base(required), "2024-13-01", "2023-02-29", "01/02/2024", "2024-1-5", "2024-01-05T00:00"]);

    private static readonly Gen<Case> Choice =
        from required in Gen.Bool
        from drawn in Gen.String[Gen.Char.AlphaNumeric, 1, 8].Array[1, 6]
        let values = drawn.Distinct(StringComparer.Ordinal).ToArray()
        from pick in Gen.Int[0, values.Length - 1]
        let choices = values.Select(v => new FormChoice(v, "Lựa chọn " + v, "Choice " + v)).ToArray()
        select new Case(Field(FormFieldType.Choice, required) with { Choices = choices }, choices[pick].Value,
            [.. Base(required), "not-a-choice!", choices[pick].Value + "?"]);

    private static readonly Gen<Case> Boolean =
        from required in Gen.Bool
        from value in Gen.Bool
        select new Case(Field(FormFieldType.Boolean, required), value ? "true" : "false", [.. Base(required), "True", "1", "yes"]);

    private static readonly Gen<Case> Email =
        from required in Gen.Bool
        from local in Gen.String[Gen.Char.AlphaNumeric, 1, 20]
        from domain in Gen.String[Gen.Char['a', 'z'], 1, 20]
        select new Case(Field(FormFieldType.Email, required), $"{local}@{domain}.vn", [.. Base(required), local, $"{local}@{domain}", $"{local} @{domain}.vn"]);

    private static readonly Gen<Case> Phone =
        from required in Gen.Bool
        from prefix in OneOf("03", "05", "07", "08", "09", "+843", "+849")
        from rest in Digits(8)
        select new Case(Field(FormFieldType.Phone, required), prefix + rest, [.. Base(required), "01" + rest, prefix + rest + "1", "12345"]);

    private static readonly Gen<Case> AnyField = Gen.OneOf(Text, Patterned, Integer, Decimal, Date, Choice, Boolean, Email, Phone);

    /// <summary>A form of 1–6 fields (unique names) with the values each accepts.</summary>
    private static readonly Gen<(ProcedureForm Form, Case[] Cases, Dictionary<string, string> Valid)> Forms =
        from cases in AnyField.Array[1, 6]
        let named = cases.Select((c, i) => c with { Field = c.Field with { Name = $"f{i}" } }).ToArray()
        select (new ProcedureForm(named.Select(c => c.Field).ToArray()), named, named.ToDictionary(c => c.Field.Name, c => c.Valid));

    [Fact]
    public void Values_generated_from_each_fields_own_constraints_are_accepted() =>
        Forms.Sample(f => Assert.Empty(FormValidation.Validate(f.Form, f.Valid)));

    [Fact]
    public void Optional_fields_may_be_left_out()
    {
        Forms.Sample(f =>
        {
            var details = f.Valid.Where(kv => f.Cases.Single(c => c.Field.Name == kv.Key).Field.Required).ToDictionary();
            Assert.Empty(FormValidation.Validate(f.Form, details));
        });
    }

    [Fact]
    public void A_value_breaking_one_constraint_of_one_field_is_refused_naming_that_field()
    {
        var gen =
            from f in Forms
            from i in Gen.Int[0, f.Cases.Length - 1]
            where f.Cases[i].Violations.Count > 0
            from v in Gen.Int[0, f.Cases[i].Violations.Count - 1]
            select (f.Form, f.Valid, Field: f.Cases[i].Field, Value: f.Cases[i].Violations[v]);
        gen.Sample(t =>
        {
            var details = new Dictionary<string, string>(t.Valid);
            if (t.Value is null)
            {
                details.Remove(t.Field.Name);
            }
            else
            {
                details[t.Field.Name] = t.Value;
            }

            var error = Assert.Single(FormValidation.Validate(t.Form, details));
            Assert.Equal("details." + t.Field.Name, error.Field);
            Assert.Contains(" / ", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_key_the_form_does_not_declare_is_refused_naming_it()
    {
        var gen =
            from f in Forms
            from key in Name
            where !f.Valid.ContainsKey(key)
            select (f, key);
        gen.Sample(t =>
        {
            var (f, key) = t;
            var details = new Dictionary<string, string>(f.Valid) { [key] = "x" };

            var error = Assert.Single(FormValidation.Validate(f.Form, details));
            Assert.Equal("details." + key, error.Field);
        });
    }

    [Fact]
    public void A_procedure_without_fields_takes_no_details_but_an_empty_map()
    {
        Assert.Empty(FormValidation.Validate(ProcedureForm.None, null));
        Assert.Empty(FormValidation.Validate(ProcedureForm.None, new Dictionary<string, string>()));
        Assert.Equal("details.note", Assert.Single(FormValidation.Validate(ProcedureForm.None, new Dictionary<string, string> { ["note"] = "x" })).Field);
    }

    [Fact]
    public void A_message_never_echoes_the_value()
    {
        var form = new ProcedureForm([new FormField("idNumber", "Số định danh", "Identity number", FormFieldType.Text) { Pattern = "[0-9]{12}" }]);

        var error = Assert.Single(FormValidation.Validate(form, new Dictionary<string, string> { ["idNumber"] = "SECRET-001090" }));

        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
    }
}
