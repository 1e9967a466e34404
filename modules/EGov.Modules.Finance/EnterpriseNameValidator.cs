using EGov.Modules.Sdk;
using Marten;

namespace EGov.Modules.Finance;

/// <summary>An enterprise registration names its enterprise, and the name is not already taken in the registry.</summary>
internal sealed class EnterpriseNameValidator(IDocumentStore store) : IIntakeValidator
{
    public bool Handles(string procedureCode) => EnterpriseNames.Procedures.Contains(procedureCode);

    public async ValueTask<IntakeCheck> CheckAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        const string field = "details." + EnterpriseNames.DetailKey;
        if (!request.Details.TryGetValue(EnterpriseNames.DetailKey, out var name) || string.IsNullOrWhiteSpace(name))
        {
            return IntakeCheck.Refuse(field, "Cần nêu tên doanh nghiệp dự kiến / The proposed enterprise name is required.");
        }

        if (name.Trim().Length > EnterpriseNames.MaxLength)
        {
            return IntakeCheck.Refuse(field, $"Tên doanh nghiệp tối đa {EnterpriseNames.MaxLength} ký tự / The name is at most {EnterpriseNames.MaxLength} characters.");
        }

        await using var session = store.QuerySession();
        var taken = await session.LoadAsync<EnterpriseName>(EnterpriseNames.Normalize(name), cancellationToken);
        return taken is null
            ? IntakeCheck.Ok
            : IntakeCheck.Refuse(field,
                $"Tên doanh nghiệp '{name.Trim()}' trùng với tên đã {(taken.Status == EnterpriseNames.Registered ? "đăng ký" : "được đề nghị đăng ký")} "
                + $"(Điều 41 Luật Doanh nghiệp 2020) / The enterprise name '{name.Trim()}' is already {taken.Status}.");
    }
}
