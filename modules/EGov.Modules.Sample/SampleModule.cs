using EGov.Kernel;
using EGov.Modules.Sdk;

namespace EGov.Modules.Sample;

/// <summary>
/// A plug-in module: the host finds this class by reflection in the plug-in folder. Copy this project to start a
/// department's own module (see docs/architecture.md, "Module loading").
/// </summary>
public sealed class SampleModule : IEGovModule
{
    public const string UnitCode = "SVHTTDL";

    public string Name => "Sample";

    public ModuleDefinition Define() => new(
        [new UnitDefinition(UnitCode, "H10.30", "Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism")],
        [
            new ProcedureDefinition(
                Code: "VH-QC-01",
                Name: "Tiếp nhận thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn",
                UnitCode: UnitCode,
                LegalBasis: "Luật Quảng cáo số 16/2012/QH13 (Điều 29); Luật sửa đổi số 75/2025/QH15",
                ProcessingTime: ProcessingTime.WorkingDays(5),
                OnlineLevel: OnlineLevel.Full,
                RequiredDocuments:
                [
                    new DocumentRequirement("advertising-notice", "Văn bản thông báo sản phẩm quảng cáo"),
                    new DocumentRequirement("business-registration-certificate", "Giấy chứng nhận đăng ký doanh nghiệp"),
                    new DocumentRequirement("advertising-mockup", "Maket sản phẩm quảng cáo in màu"),
                ],
                Fee: 0m,
                Steps:
                [
                    new StepDefinition("review", "Chuyên viên thẩm định nội dung quảng cáo", UnitCode, Roles.Specialist, ProcessingTime.WorkingDays(4)),
                    new StepDefinition("sign", "Lãnh đạo phòng ký văn bản trả lời", UnitCode, Roles.Leader, ProcessingTime.WorkingDays(1)),
                ])
            {
                Form = new ProcedureForm(
                [
                    new FormField("productName", "Tên sản phẩm quảng cáo", "Advertised product", FormFieldType.Text) { MaxLength = 300 },
                    new FormField("placement", "Địa điểm đặt bảng quảng cáo, băng-rôn", "Where the sign or banner is placed", FormFieldType.Text) { MaxLength = 500 },
                    new FormField("quantity", "Số lượng", "Quantity", FormFieldType.Integer) { Min = 1, Max = 10_000 },
                    new FormField("displayFrom", "Thời gian bắt đầu treo, đặt", "Displayed from", FormFieldType.Date),
                ]),
                Unverified = "Mẫu minh họa cho nhà phát triển; thời hạn và hồ sơ cần đối chiếu Cơ sở dữ liệu quốc gia về TTHC trước khi dùng thật.",
            },
        ]);
}
