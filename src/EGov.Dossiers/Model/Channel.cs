namespace EGov.Dossiers.Model;

/// <summary>How the dossier reached the unit.</summary>
public enum Channel
{
    /// <summary>Submitted online by the applicant; waits for a desk officer to receive it.</summary>
    Online,

    /// <summary>Handed in at the one-stop desk; received at once.</summary>
    Desk,

    /// <summary>Sent by post and entered at the desk; received at once.</summary>
    Post,
}
