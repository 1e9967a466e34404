using System.Globalization;
using EGov.Modules.Sdk;

namespace EGov.Modules.Construction;

/// <summary>
/// A building permit application states the plot area (above zero) and attaches the design drawings
/// (Luật Xây dựng 2014, Art. 95–96: the drawings are part of every permit dossier).
/// </summary>
internal sealed class BuildingPermitValidator : IIntakeValidator
{
    public const string PlotAreaKey = "plotAreaM2";
    public const string DrawingsType = "construction-drawings";
    private static readonly IReadOnlySet<string> Procedures = new HashSet<string>(StringComparer.Ordinal) { "XD-GPXD-01", "XD-GPXD-02" };

    public bool Handles(string procedureCode) => Procedures.Contains(procedureCode);

    public ValueTask<IntakeCheck> CheckAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        if (!request.Details.TryGetValue(PlotAreaKey, out var text)
            || !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var area)
            || area <= 0 || area > 100_000_000m)
        {
            return ValueTask.FromResult(IntakeCheck.Refuse("details." + PlotAreaKey,
                "Diện tích lô đất (m², số dương, dấu chấm thập phân) là bắt buộc / The plot area in m² is required and must be above zero."));
        }

        return ValueTask.FromResult(request.Documents.Any(d => d.Type == DrawingsType)
            ? IntakeCheck.Ok
            : IntakeCheck.Refuse("documentIds",
                "Cần đính kèm bản vẽ thiết kế xây dựng (loại construction-drawings) / The construction drawings must be attached (document type construction-drawings)."));
    }
}
