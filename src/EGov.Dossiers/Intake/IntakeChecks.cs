using EGov.Catalog;
using EGov.Modules.Sdk;
using EGov.Web;

namespace EGov.Dossiers.Intake;

/// <summary>Finds the types of attached documents; the document vault provides the real one.</summary>
public interface IAttachedDocumentTypes
{
    Task<IReadOnlyList<AttachedDocument>> ResolveAsync(IReadOnlyList<Guid> documentIds, CancellationToken cancellationToken);
}

/// <summary>Checks an intake's content: the procedure's form (<see cref="ValidateForm"/>), then the modules'
/// <see cref="IIntakeValidator"/>s, of which the first refusal wins.</summary>
public sealed class IntakeChecks(IEnumerable<IIntakeValidator> validators, IAttachedDocumentTypes documents, ProcedureCatalog catalog)
{
    public const int MaxDetails = 50;
    public const int MaxDetailKey = 64;
    public const int MaxDetailValue = 2000;

    private readonly IIntakeValidator[] _validators = [.. validators];

    /// <summary>Shape checks of the procedure's form fields: a bounded map of short keys to text.</summary>
    public static IEnumerable<FieldError> ValidateDetails(IReadOnlyDictionary<string, string>? details)
    {
        if (details is null)
        {
            yield break;
        }

        if (details.Count > MaxDetails)
        {
            yield return new FieldError("details", $"Tối đa {MaxDetails} trường / At most {MaxDetails} fields.");
        }

        foreach (var (key, value) in details)
        {
            if (key.Length is 0 or > MaxDetailKey || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                yield return new FieldError("details", $"Tên trường '{key}' không hợp lệ / Field name '{key}' must be 1–{MaxDetailKey} ASCII letters, digits, '-', '_' or '.'.");
            }
            else if (value is null || value.Length > MaxDetailValue)
            {
                yield return new FieldError($"details.{key}", $"Giá trị tối đa {MaxDetailValue} ký tự / The value is required and at most {MaxDetailValue} characters.");
            }
        }
    }

    /// <summary>The violations of the procedure's form (none for a procedure the catalog does not serve: admission refuses it first).</summary>
    public IReadOnlyList<FieldError> ValidateForm(string procedureCode, IReadOnlyDictionary<string, string>? details) =>
        catalog.FindProcedure(procedureCode) is { } procedure ? FormValidation.Validate(procedure.Definition.Form, details) : [];

    public async Task<IntakeCheck> RunAsync(string procedureCode, string unitCode, string applicantId, IReadOnlyDictionary<string, string> details,
        IReadOnlyList<Guid> documentIds, CancellationToken cancellationToken)
    {
        var relevant = _validators.Where(v => v.Handles(procedureCode)).ToArray();
        if (relevant.Length == 0)
        {
            return IntakeCheck.Ok;
        }

        var attached = await documents.ResolveAsync(documentIds, cancellationToken);
        var request = new IntakeRequest(procedureCode, unitCode, applicantId, details, attached);
        foreach (var validator in relevant)
        {
            var check = await validator.CheckAsync(request, cancellationToken);
            if (!check.Accepted)
            {
                return check;
            }
        }

        return IntakeCheck.Ok;
    }
}
