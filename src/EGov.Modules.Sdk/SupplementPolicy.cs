namespace EGov.Modules.Sdk;

/// <summary>How the clock resumes after a requested supplement arrives.</summary>
public enum SupplementPolicy
{
    /// <summary>The remaining office time runs on (the default rule).</summary>
    ResumeRemaining,

    /// <summary>The full processing time restarts from the supplement.</summary>
    Restart,
}
