using System.Collections.Frozen;
using EGov.Catalog;

namespace EGov.Documents.Model;

/// <summary>A kind of paper a person or business holds, e.g. an identity card or a land-use certificate.</summary>
public sealed record DocumentType(string Code, string Name, string NameEn);

/// <summary>
/// The vault's document types: the common civil-status, identity, property and business papers, plus every type
/// a loaded procedure asks for (so a module never needs a vault change to require a new paper). A procedure's
/// result is stored under the type of the paper it issues (e.g. <c>criminal-record-certificate</c>).
/// </summary>
public sealed class DocumentTypeCatalog
{
    private static readonly DocumentType[] Common =
    [
        new("identity-card", "Căn cước / Căn cước công dân", "Identity card"),
        new("passport", "Hộ chiếu", "Passport"),
        new("birth-certificate", "Giấy khai sinh", "Birth certificate"),
        new("marriage-certificate", "Giấy chứng nhận kết hôn", "Marriage certificate"),
        new("marital-status-confirmation", "Giấy xác nhận tình trạng hôn nhân", "Marital status confirmation"),
        new("death-certificate", "Trích lục khai tử", "Death certificate"),
        new("residence-confirmation", "Giấy xác nhận thông tin về cư trú", "Residence confirmation"),
        new("criminal-record-certificate", "Phiếu lý lịch tư pháp", "Criminal record certificate"),
        new("land-use-certificate", "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "Land-use right certificate"),
        new("construction-permit", "Giấy phép xây dựng", "Construction permit"),
        new("business-registration-certificate", "Giấy chứng nhận đăng ký doanh nghiệp", "Business registration certificate"),
        new("household-business-registration", "Giấy chứng nhận đăng ký hộ kinh doanh", "Household business registration certificate"),
        new("education-diploma", "Văn bằng, chứng chỉ", "Diploma or certificate of education"),
        new("health-certificate", "Giấy khám sức khỏe", "Health certificate"),
        new("driving-licence", "Giấy phép lái xe", "Driving licence"),
        new("power-of-attorney", "Văn bản ủy quyền", "Power of attorney"),
    ];

    private readonly FrozenDictionary<string, DocumentType> _types;

    public DocumentTypeCatalog(ProcedureCatalog procedures)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        var types = Common.ToDictionary(t => t.Code, StringComparer.Ordinal);
        foreach (var requirement in procedures.Procedures.SelectMany(p => p.Definition.RequiredDocuments))
        {
            types.TryAdd(requirement.Type, new DocumentType(requirement.Type, requirement.Name, requirement.Type));
        }

        _types = types.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<DocumentType> All => _types.Values.OrderBy(t => t.Code, StringComparer.Ordinal);

    public DocumentType? Find(string? code) => code is not null && _types.TryGetValue(code, out var t) ? t : null;
}
