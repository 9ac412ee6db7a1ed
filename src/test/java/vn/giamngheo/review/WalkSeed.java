package vn.giamngheo.review;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;

/**
 * For the endpoint walk of the security package: a commune with one poor household of the given names driven
 * through a real periodic review of 2025 (meetings, posting, a complaint answered, the chair's decision) and an
 * application of a later monthly review. Only the services, as {@link RoundDriver} does.
 */
@Component
public class WalkSeed {

    /** The ids of what the seed stored. */
    public record Seeded(long communeId, String communeCode, long village, CurrentUser officer, CurrentUser chair,
                         Household household, long round, long meeting, long complaint, long decision, long application) {
    }

    private final RoundDriver drive;
    private final HouseholdRegistry registry;
    private final ReviewComplaints complaints;
    private final ReviewDecisions decisions;
    private final ReviewApplications applications;
    private final VillageMeetings meetings;

    WalkSeed(RoundDriver drive, HouseholdRegistry registry, ReviewComplaints complaints, ReviewDecisions decisions,
             ReviewApplications applications, VillageMeetings meetings) {
        this.drive = drive;
        this.registry = registry;
        this.complaints = complaints;
        this.decisions = decisions;
        this.applications = applications;
        this.meetings = meetings;
    }

    public Seeded commune(int n, String code, String headName, String memberName, String idNumber) {
        ReviewFixture f = drive.commune(n);
        HouseholdForm form = RegistryFixture.household(f.communeCode, code);
        form.setVillageId(f.village1);
        form.setIncomePerCapita(600_000L);
        form.setHousingQuality("makeshift");
        form.setWaterSource("surface_water");
        form.setToilet("none");
        form.setInternetUse(false);
        form.getMembers().forEach(m -> m.setHealthInsurance(false));
        form.getMembers().get(0).setFullName(headName);
        form.getMembers().get(0).setIdNumber(idNumber);
        form.getMembers().get(1).setFullName(memberName);
        Household household = registry.create(form, f.officer);

        long round = drive.periodicWithAll(f, 2025);
        drive.throughCollection(round, f.officer);
        drive.meetAndPost(round, LocalDate.of(2025, 11, 3), f.officer, new MeetingForm(f.village1, LocalDate.of(2025, 10, 20),
                "Hoàng Văn Thắng", "Lường Thị Mai", "Vàng A Dính", 12, 10, 8, null));
        long meeting = meetings.list(round, f.officer).get(0).id();
        long complaint = complaints.record(round, household.id(), headName, LocalDate.of(2025, 11, 4),
                "Khiếu nại của " + headName, f.officer).id();
        complaints.answer(round, complaint, "Đã phúc tra.", "Giữ nguyên.", LocalDate.of(2025, 11, 6), f.officer);
        long decision = decisions.decide(round, "9" + n + "/QĐ-UBND", LocalDate.of(2025, 11, 11), f.chair).id();
        long application = applications.receive(new ApplicationForm(household.id(), "04", LocalDate.of(2026, 10, 2),
                "in_person", headName, "Đơn của " + memberName), f.officer).id();
        return new Seeded(f.communeId, f.communeCode, f.village1, f.officer, f.chair, household, round, meeting, complaint,
                decision, application);
    }
}
