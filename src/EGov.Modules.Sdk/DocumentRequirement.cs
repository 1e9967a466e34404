namespace EGov.Modules.Sdk;

/// <summary>A document a procedure asks for.</summary>
/// <param name="Type">The document type code from the vault's catalog, e.g. <c>birth-certificate</c>.</param>
/// <param name="Name">The Vietnamese name as listed in the procedure.</param>
/// <param name="Mandatory">False for documents that are needed only in some cases.</param>
public sealed record DocumentRequirement(string Type, string Name, bool Mandatory = true);
