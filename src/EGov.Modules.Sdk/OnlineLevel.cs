namespace EGov.Modules.Sdk;

/// <summary>Online service level (Decree 42/2022/NĐ-CP).</summary>
public enum OnlineLevel
{
    /// <summary>Submit, pay and receive the result online or by post.</summary>
    Full,

    /// <summary>Some part (usually the result or an original) still needs the desk.</summary>
    Partial,
}
