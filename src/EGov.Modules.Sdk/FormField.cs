namespace EGov.Modules.Sdk;

/// <summary>
/// The kind of value a form field takes. Every value travels as text in the intake's <c>details</c>; the type says
/// which text is valid (invariant culture, so a portal and a desk in any language send the same text).
/// </summary>
public enum FormFieldType
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Several lines of text (a description, a purpose).</summary>
    Multiline,

    /// <summary>A whole number: optional '-' and digits 0–9.</summary>
    Integer,

    /// <summary>A decimal number with '.' as the separator and no thousands separator, e.g. <c>120.5</c>.</summary>
    Decimal,

    /// <summary>A calendar date written <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>One of the field's <see cref="FormField.Choices"/>, by its value.</summary>
    Choice,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A Vietnamese phone number (mobile 0[35789]xxxxxxxx, landline 02xxxxxxxxx, or +84 for the 0).</summary>
    Phone,
}

/// <summary>One option of a <see cref="FormFieldType.Choice"/> field.</summary>
/// <param name="Value">What the intake sends (stable: dossiers keep it).</param>
/// <param name="LabelVi">The Vietnamese label people read.</param>
/// <param name="LabelEn">The English label.</param>
public sealed record FormChoice(string Value, string LabelVi, string LabelEn);

/// <summary>
/// A field of a procedure's form, as the intake's <c>details</c> carries it (<c>details.&lt;Name&gt;</c>). The catalog
/// publishes it so that pages render the form, and the intake refuses a value that breaks it (400, naming the field)
/// before any module validator runs; a rule a field cannot say (a registry look-up, a document check) stays in an
/// <see cref="IIntakeValidator"/>.
/// </summary>
/// <param name="Name">The key in <c>details</c>: 1–64 ASCII letters, digits, '-', '_' or '.'; stable once dossiers use it.</param>
/// <param name="LabelVi">The Vietnamese label as the official form words it.</param>
/// <param name="LabelEn">The English label.</param>
/// <param name="Type">The kind of value.</param>
public sealed record FormField(string Name, string LabelVi, string LabelEn, FormFieldType Type)
{
    /// <summary>Whether the intake must give a non-blank value.</summary>
    public bool Required { get; init; }

    /// <summary>
    /// A .NET regular expression the whole value must match (anchored by the platform; run without backtracking, so
    /// back-references and look-arounds are refused at start-up). E.g. <c>[0-9]{10}([0-9]{3})?</c> for a tax code.
    /// </summary>
    public string? Pattern { get; init; }

    /// <summary>The longest value in characters (the platform caps every value at 2,000 anyway).</summary>
    public int? MaxLength { get; init; }

    /// <summary>The smallest value allowed, for <see cref="FormFieldType.Integer"/> and <see cref="FormFieldType.Decimal"/>.</summary>
    public decimal? Min { get; init; }

    /// <summary>The largest value allowed, for <see cref="FormFieldType.Integer"/> and <see cref="FormFieldType.Decimal"/>.</summary>
    public decimal? Max { get; init; }

    /// <summary>The options of a <see cref="FormFieldType.Choice"/> field (required for it, refused for the others).</summary>
    public IReadOnlyList<FormChoice>? Choices { get; init; }

    /// <summary>A hint shown under the field, in Vietnamese.</summary>
    public string? HelpVi { get; init; }

    /// <summary>The hint in English.</summary>
    public string? HelpEn { get; init; }
}

/// <summary>
/// The form of a procedure: the fields its intake's <c>details</c> may hold, in display order. A key the form does
/// not declare is refused, so a procedure with no fields takes no <c>details</c>.
/// </summary>
/// <param name="Fields">The fields in the order the form shows them.</param>
public sealed record ProcedureForm(IReadOnlyList<FormField> Fields)
{
    /// <summary>A form with no fields: the default of every procedure.</summary>
    public static ProcedureForm None { get; } = new([]);
}
