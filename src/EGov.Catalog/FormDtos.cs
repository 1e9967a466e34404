using EGov.Modules.Sdk;

namespace EGov.Catalog;

/// <summary>A procedure's form as the catalog publishes it: the fields of the intake's <c>details</c>, in display order.</summary>
public sealed record FormDto(IReadOnlyList<FormFieldDto> Fields);

/// <summary>One field of a procedure's form (<see cref="FormField"/>): what a page renders and the intake checks.</summary>
/// <param name="Name">The key in the intake's <c>details</c>.</param>
/// <param name="Type">One of <c>text</c>, <c>multiline</c>, <c>integer</c>, <c>decimal</c>, <c>date</c> (yyyy-MM-dd), <c>choice</c>, <c>boolean</c>, <c>email</c>, <c>phone</c>.</param>
/// <param name="Pattern">A regular expression the whole value matches, or null.</param>
/// <param name="Min">The smallest number allowed (integer and decimal fields), or null.</param>
/// <param name="Max">The largest number allowed (integer and decimal fields), or null.</param>
/// <param name="Choices">The options of a choice field, or null.</param>
public sealed record FormFieldDto(
    string Name,
    string LabelVi,
    string LabelEn,
    string Type,
    bool Required,
    string? Pattern,
    int? MaxLength,
    decimal? Min,
    decimal? Max,
    IReadOnlyList<FormChoiceDto>? Choices,
    string? HelpVi,
    string? HelpEn);

/// <summary>An option of a choice field.</summary>
public sealed record FormChoiceDto(string Value, string LabelVi, string LabelEn);

internal static class FormMapping
{
    public static FormDto ToDto(this ProcedureForm form) => new(form.Fields.Select(ToDto).ToArray());

    /// <summary>The wire name of a type: the enum name in lower case (<c>Multiline</c> → <c>multiline</c>).</summary>
    public static string WireName(this FormFieldType type) => type.ToString().ToLowerInvariant();

    private static FormFieldDto ToDto(FormField f) => new(
        f.Name, f.LabelVi, f.LabelEn, f.Type.WireName(), f.Required, f.Pattern, f.MaxLength, f.Min, f.Max,
        f.Choices?.Select(c => new FormChoiceDto(c.Value, c.LabelVi, c.LabelEn)).ToArray(), f.HelpVi, f.HelpEn);
}
