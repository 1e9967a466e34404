namespace EGov.Dossiers.Model;

/// <summary>The statuses of api-v1.md. Overdue is a flag, not a status.</summary>
public enum DossierStatus
{
    Submitted,
    Received,
    Processing,
    SupplementRequested,
    AwaitingFee,
    Approved,
    ResultReady,
    Delivered,
    Refused,
    Rejected,
    Withdrawn,
    Stopped,
}

public static class DossierStatusExtensions
{
    /// <summary>Open dossiers still owe the applicant a result and can become overdue.</summary>
    public static bool IsOpen(this DossierStatus status) =>
        status is DossierStatus.Submitted or DossierStatus.Received or DossierStatus.Processing
            or DossierStatus.SupplementRequested or DossierStatus.AwaitingFee or DossierStatus.Approved;

    public static bool IsFinal(this DossierStatus status) =>
        status is DossierStatus.Delivered or DossierStatus.Refused or DossierStatus.Rejected
            or DossierStatus.Withdrawn or DossierStatus.Stopped;
}
