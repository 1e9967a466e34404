using EGov.Kernel;
using EGov.Modules.Sdk;

namespace EGovModuleNamespace;

/// <summary>
/// The module's entry point: the host finds this class by reflection in the plug-in folder. Its units and
/// procedures join the catalog; Modules:MyDepartment:Enabled=false switches it off.
/// </summary>
public sealed class MyDepartmentModule : IEGovModule
{
    /// <summary>The unit's code: the <c>unit</c> claim of its officers' tokens; unique across all modules.</summary>
    public const string UnitCode = "SXX";

    /// <summary>The first procedure's code; unique across all modules.</summary>
    public const string ProcedureCode = "XX-01";

    public string Name => "MyDepartment";

    public ModuleDefinition Define() => new(
        // Code, agency id (the prefix of the unit's dossier codes), Vietnamese and English names.
        [new UnitDefinition(UnitCode, "H10.99", "Sở ... tỉnh ... (tên đơn vị)", "Department of ... (unit name)")],
        [
            new ProcedureDefinition(
                Code: ProcedureCode,
                Name: "Tên thủ tục theo Cơ sở dữ liệu quốc gia về thủ tục hành chính",
                UnitCode: UnitCode,
                LegalBasis: "Luật ...; Nghị định ...; Thông tư ...",
                ProcessingTime: ProcessingTime.WorkingDays(5),
                OnlineLevel: OnlineLevel.Full,
                RequiredDocuments:
                [
                    // Types come from the platform's document-type catalog (docs/documents.md).
                    new DocumentRequirement("identity-card", "Căn cước"),
                    new DocumentRequirement("application-form", "Tờ khai theo mẫu"),
                ],
                Fee: 0m,
                Steps:
                [
                    // Each step: id, name, the unit whose officers act, the role that acts, its share of the time.
                    new StepDefinition("review", "Chuyên viên thẩm định hồ sơ", UnitCode, Roles.Specialist, ProcessingTime.WorkingDays(4)),
                    new StepDefinition("sign", "Lãnh đạo ký kết quả", UnitCode, Roles.Leader, ProcessingTime.WorkingDays(1)),
                ])
            {
                // The fields of the intake's "details": the catalog publishes them, pages render them, and the intake
                // refuses a value that breaks them (400 naming details.<name>) before any IIntakeValidator runs.
                Form = new ProcedureForm(
                [
                    // Required = true where the law requires the value: an intake without it is then refused.
                    new FormField("purpose", "Mục đích đề nghị", "Purpose of the request", FormFieldType.Text) { MaxLength = 500 },
                    new FormField("copies", "Số bản đề nghị cấp", "Number of copies", FormFieldType.Integer) { Min = 1, Max = 10 },
                ]),
                // Bump with every change of this definition (form, steps, times, fee, documents): dossiers record the
                // version they were submitted under, and the host refuses to start when a known version changed.
                Version = 1,
                // Or SupplementPolicy.Restart where the law restarts the clock when a supplement arrives.
                SupplementPolicy = SupplementPolicy.ResumeRemaining,
                // Say what is not yet checked against the law; remove once it is.
                Unverified = "Tên, căn cứ pháp lý, thời hạn và thành phần hồ sơ cần đối chiếu Cơ sở dữ liệu quốc gia về TTHC.",
            },
        ]);
}
