using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;
using U = EGov.Dossiers.Tests.Support.Plans;

namespace EGov.Dossiers.Tests.Warnings;

/// <summary>
/// The office time each ended step used, as the step-ending events record it (issue 19: the history risk is estimated
/// from): received at the desk on Monday 2 March 2026 09:00, first step "check" 3 working days (due Thursday 09:00).
/// Office hours 07:30–11:30 and 13:00–17:00.
/// </summary>
public sealed class StepOfficeTimeTests
{
    private static Story ReceivedMonday() => Story.Submit(channel: Channel.Online, at: Vn.At(2026, 3, 2, 8)).Do(A.Receive, P.Desk(), Vn.At(2026, 3, 2, 9));

    private static TimeSpan? Recorded(Story story) => story.Last.Single() switch
    {
        StepCompleted e => e.StepOfficeTime,
        StepReturned e => e.StepOfficeTime,
        DossierApproved e => e.StepOfficeTime,
        DossierRejected e => e.StepOfficeTime,
        var other => throw new InvalidOperationException(other.GetType().Name),
    };

    [Fact]
    public void A_step_completed_before_its_due_instant_records_the_office_time_it_ran()
    {
        var story = ReceivedMonday().Do(A.CompleteStep, P.Specialist(U.Justice), Vn.At(2026, 3, 2, 13, 30));

        // 09:00–11:30 and 13:00–13:30.
        Assert.Equal(TimeSpan.FromHours(3), Recorded(story));
    }

    [Fact]
    public void A_step_completed_after_its_due_instant_records_its_allowance_and_the_office_time_since()
    {
        var story = ReceivedMonday().Do(A.CompleteStep, P.Specialist(U.Justice), Vn.At(2026, 3, 6, 9));

        // 3 days of 8 office hours, then Thursday 09:00 to Friday 09:00: one more working day.
        Assert.Equal(TimeSpan.FromHours(32), Recorded(story));
    }

    [Fact]
    public void A_pause_for_a_supplement_is_not_counted()
    {
        var story = ReceivedMonday()
            .Do(A.RequestSupplement, P.Specialist(U.Justice), Vn.At(2026, 3, 2, 10))
            .Do(A.Supplement, P.Citizen, Vn.At(2026, 3, 4, 10))
            .Do(A.CompleteStep, P.Specialist(U.Justice), Vn.At(2026, 3, 4, 11));

        // One hour before the pause, one after it; the two days waiting for the applicant are not the step's.
        Assert.Equal(TimeSpan.FromHours(2), Recorded(story));
    }

    [Fact]
    public void Returning_approving_and_rejecting_record_the_time_of_the_step_they_end()
    {
        // The last step, "sign", started on Monday at 11:00.
        Assert.Equal(Vn.At(2026, 3, 2, 11), Scenarios.Build(Scenarios.AtSign).Now);

        // 11:00–11:30, then from 13:00.
        Assert.Equal(TimeSpan.FromHours(1.5), Recorded(Scenarios.Build(Scenarios.AtSign).Do(A.Approve, P.Leader(U.Construction), Vn.At(2026, 3, 2, 14))));
        Assert.Equal(TimeSpan.FromHours(2.5), Recorded(Scenarios.Build(Scenarios.AtSign).Do(A.Reject, P.Leader(U.Construction), Vn.At(2026, 3, 2, 15))));
        Assert.Equal(TimeSpan.FromHours(5.5), Recorded(Scenarios.Build(Scenarios.AtSign).Do(A.ReturnStep, P.Leader(U.Construction), Vn.At(2026, 3, 3, 8, 30))));
    }

    [Fact]
    public void The_allowance_in_office_time_is_the_days_times_the_office_day_or_the_hours()
    {
        Assert.Equal(TimeSpan.FromHours(24), StepTime.Allowance(U.Check, Story.Monday, Vn.Deadlines));
        Assert.Equal(TimeSpan.FromHours(4), StepTime.Allowance(U.SameDay().Steps[0], Story.Monday, Vn.Deadlines));
    }
}
