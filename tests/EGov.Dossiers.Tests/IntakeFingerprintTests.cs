namespace EGov.Dossiers.Tests;

/// <summary>Issue 13, point 7: what makes two intakes under one Idempotency-Key "the same request".</summary>
public sealed class IntakeFingerprintTests
{
    private static readonly Guid DocumentA = Guid.Parse("0199a000-0000-7000-8000-000000000001");
    private static readonly Guid DocumentB = Guid.Parse("0199a000-0000-7000-8000-000000000002");

    private static SubmitDossier Intake(Applicant? applicant = null, Channel channel = Channel.Desk, IReadOnlyList<Guid>? documents = null,
        IReadOnlyDictionary<string, string>? details = null, string subject = "desk@STP") =>
        new(Guid.NewGuid(), "TP-LLTP-01", channel, applicant ?? People.ApplicantData, documents ?? [DocumentA], "key-1",
            new Caller(subject, [Roles.DeskOfficer], "STP", null))
        {
            Details = details ?? new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" },
        };

    [Fact]
    public void The_same_intake_has_the_same_fingerprint_whatever_the_order_of_its_details_or_its_dossier_id_and_caller()
    {
        var reordered = Intake(details: new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }, subject: "someone-else");

        Assert.Equal(IntakeFingerprint.Of(Intake()), IntakeFingerprint.Of(reordered));
        Assert.StartsWith("sha256:", IntakeFingerprint.Of(Intake()), StringComparison.Ordinal);
    }

    public static TheoryData<string> Changes => new() { "applicant", "name", "phone-null", "channel", "documents", "document-order", "detail", "detail-split" };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_change_to_what_the_intake_says_changes_the_fingerprint(string change)
    {
        var other = change switch
        {
            "applicant" => Intake(People.ApplicantData with { IdNumber = "001099000002" }),
            "name" => Intake(People.ApplicantData with { FullName = "Nguyễn Văn Anh" }),
            "phone-null" => Intake(People.ApplicantData with { Phone = null }),
            "channel" => Intake(channel: Channel.Post),
            "documents" => Intake(documents: [DocumentA, DocumentB]),
            "document-order" => Intake(documents: [DocumentB]),
            "detail" => Intake(details: new Dictionary<string, string> { ["a"] = "1", ["b"] = "3" }),
            _ => Intake(details: new Dictionary<string, string> { ["a"] = "1\n1:b", ["b"] = "2" }),
        };

        Assert.NotEqual(IntakeFingerprint.Of(Intake()), IntakeFingerprint.Of(other));
    }

    [Fact]
    public void A_dossier_stored_without_a_fingerprint_cannot_be_compared_and_is_taken_as_the_same_request()
    {
        Assert.True(IntakeFingerprint.Matches(null, Intake()));
        Assert.True(IntakeFingerprint.Matches(IntakeFingerprint.Of(Intake()), Intake()));
        Assert.False(IntakeFingerprint.Matches(IntakeFingerprint.Of(Intake()), Intake(channel: Channel.Post)));
    }

    [Fact]
    public void The_decider_stores_the_fingerprint_only_with_a_key()
    {
        var keyed = Intake();
        var submitted = (DossierSubmitted)DossierDecider.Submit(keyed, Plans.InterAgency(), "H-1", Vn.At(2026, 3, 2, 9), Vn.Deadlines)[0];
        Assert.Equal(IntakeFingerprint.Of(keyed), submitted.IntakeFingerprint);

        var unkeyed = (DossierSubmitted)DossierDecider.Submit(keyed with { IdempotencyKey = null }, Plans.InterAgency(), "H-2", Vn.At(2026, 3, 2, 9), Vn.Deadlines)[0];
        Assert.Null(unkeyed.IntakeFingerprint);
    }
}
