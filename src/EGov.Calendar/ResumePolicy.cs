namespace EGov.Calendar;

/// <summary>What happens to the processing time when a paused dossier resumes (supplement received).</summary>
public enum ResumePolicy
{
    /// <summary>The office time left at the pause runs on (the default rule).</summary>
    ContinueRemaining = 0,

    /// <summary>The full processing time starts again from the resume instant, where the procedure says so.</summary>
    RestartFullTime = 1,
}
