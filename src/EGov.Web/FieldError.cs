namespace EGov.Web;

/// <summary>One invalid input field and why, as problem+json's <c>errors</c> lists it (keyed by field name).</summary>
public sealed record FieldError(string Field, string Message);
