using EGov.Modules.Sdk;

namespace EGov.Modules.Agriculture;

/// <summary>
/// The form fields of the land procedures: the parcel as the cadastral map names it (tờ bản đồ, thửa đất) and, for a
/// transfer, the certificate and the transferee. Optional: the registration form attached as a document holds them too.
/// </summary>
internal static class AgricultureForms
{
    private static readonly FormField MapSheet = new("mapSheetNumber", "Tờ bản đồ số", "Map sheet number", FormFieldType.Integer) { Min = 1, Max = 100_000 };

    private static readonly FormField Parcel = new("parcelNumber", "Thửa đất số", "Parcel number", FormFieldType.Integer) { Min = 1, Max = 10_000_000 };

    private static readonly FormField ParcelArea = new("parcelAreaM2", "Diện tích thửa đất (m²)", "Parcel area (m²)", FormFieldType.Decimal)
    {
        Min = 0.01m,
        Max = 1_000_000_000m,
    };

    private static readonly FormField ParcelAddress = new("parcelAddress", "Địa chỉ thửa đất", "Parcel address", FormFieldType.Text) { MaxLength = 500 };

    private static readonly FormField LandUse = new("landUsePurpose", "Mục đích sử dụng đất", "Land use", FormFieldType.Choice)
    {
        Choices =
        [
            new("residential", "Đất ở", "Residential land"),
            new("agricultural", "Đất nông nghiệp", "Agricultural land"),
            new("commercial", "Đất thương mại, dịch vụ", "Commercial and service land"),
            new("other", "Mục đích khác", "Other use"),
        ],
    };

    /// <summary>First registration of a parcel (an individual or an organisation).</summary>
    public static readonly ProcedureForm FirstRegistration = new([MapSheet, Parcel, ParcelArea, ParcelAddress, LandUse]);

    /// <summary>Registration of a transfer of land-use rights.</summary>
    public static readonly ProcedureForm Transfer = new(
    [
        MapSheet,
        Parcel,
        new("certificateSerial", "Số phát hành Giấy chứng nhận", "Certificate serial number", FormFieldType.Text)
        {
            Pattern = "[A-Z]{2} ?[0-9]{6,8}",
            HelpVi = "Hai chữ cái in hoa và dãy số ở trang 1 Giấy chứng nhận, ví dụ AB 123456.",
            HelpEn = "Two capital letters and the number on page 1 of the certificate, e.g. AB 123456.",
        },
        new("transfereeFullName", "Họ và tên bên nhận chuyển nhượng", "Transferee's full name", FormFieldType.Text) { MaxLength = 200 },
        new("transfereeIdNumber", "Số định danh cá nhân bên nhận chuyển nhượng", "Transferee's identity number", FormFieldType.Text) { Pattern = "[0-9]{12}" },
    ]);
}
