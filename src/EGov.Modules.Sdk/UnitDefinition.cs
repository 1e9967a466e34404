namespace EGov.Modules.Sdk;

/// <summary>An administrative unit that receives or processes dossiers.</summary>
/// <param name="Code">The unit code used in tokens (<c>unit</c> claim) and in the API, e.g. <c>STP</c>.</param>
/// <param name="AgencyId">The agency identifier that prefixes the unit's dossier codes (Circular 03/2025), e.g. <c>H10.25</c>.</param>
/// <param name="Name">The unit's official Vietnamese name.</param>
/// <param name="NameEn">The English name, for bilingual screens.</param>
public sealed record UnitDefinition(string Code, string AgencyId, string Name, string NameEn);
