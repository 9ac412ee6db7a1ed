package vn.giamngheo.review;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.document.AnnexHousehold;
import vn.giamngheo.document.Certificate;
import vn.giamngheo.document.CertificateDocx;
import vn.giamngheo.document.CertificateMember;
import vn.giamngheo.document.CertificatePdf;
import vn.giamngheo.document.Commune;
import vn.giamngheo.document.DecisionAnnex;
import vn.giamngheo.document.DecisionAnnexDocx;
import vn.giamngheo.document.DecisionAnnexPdf;
import vn.giamngheo.document.DecisionAnnexWorkbook;
import vn.giamngheo.document.DiscussedHousehold;
import vn.giamngheo.document.HouseholdList;
import vn.giamngheo.document.HouseholdMark;
import vn.giamngheo.document.MeetingMinutes;
import vn.giamngheo.document.MeetingMinutesDocx;
import vn.giamngheo.document.MeetingMinutesPdf;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileReader;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.review.rules.DecidedList;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.standard.StandardRegistry;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The review's documents: the minutes of a village meeting, the annex of the decision (XLSX and PDF) and the
 * certificates of poor and near-poor households (form 03); the minutes, the annex and the certificates also as Word
 * files. Certificates print the members as the round's
 * snapshot recorded them, so a later edit of the registry does not change what was decided. Every export of
 * these documents (they carry names) is written to the audit log.
 */
@Service
class ReviewDocuments {

    private final ReviewRounds rounds;
    private final ReviewDecisions decisions;
    private final VillageMeetings meetings;
    private final RoundHouseholds households;
    private final StandardRegistry standards;
    private final MessageSource messages;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    ReviewDocuments(ReviewRounds rounds, ReviewDecisions decisions, VillageMeetings meetings, RoundHouseholds households,
                    StandardRegistry standards, MessageSource messages, AuditLog audit, JdbcClient jdbc) {
        this.rounds = rounds;
        this.decisions = decisions;
        this.meetings = meetings;
        this.households = households;
        this.standards = standards;
        this.messages = messages;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    public byte[] minutes(long roundId, long meetingId, CurrentUser user, Locale locale) {
        return minutes(roundId, meetingId, user, locale, false);
    }

    /** The minutes as a Word file, for the village to edit before signing. */
    public byte[] minutesDocx(long roundId, long meetingId, CurrentUser user, Locale locale) {
        return minutes(roundId, meetingId, user, locale, true);
    }

    private byte[] minutes(long roundId, long meetingId, CurrentUser user, Locale locale, boolean docx) {
        ReviewRound round = rounds.get(roundId, user);
        VillageMeeting m = meetings.get(roundId, meetingId, user);
        List<RoundHousehold> all = households.list(roundId, user, locale);
        List<DiscussedHousehold> discussed = all.stream().filter(h -> m.households().contains(h.householdId()))
                .map(h -> new DiscussedHousehold(h.householdCode(), h.headName(),
                        h.status() == null ? "" : messages.getMessage("status." + h.status(), null, h.status(), locale),
                        m.agreed(), m.attendees() - m.agreed()))
                .toList();
        MeetingMinutes minutes = new MeetingMinutes(commune(round), m.villageName(), m.heldOn(), m.villageName(),
                round.listYear(), m.chair(), m.secretary(), m.supervisor(), m.attendees(), m.invited(), discussed);
        audit.record("EXPORT", "village_meeting", String.valueOf(meetingId), round.provinceCode(),
                docx ? "minutes DOCX" : "minutes PDF");
        return docx ? MeetingMinutesDocx.render(minutes, locale) : MeetingMinutesPdf.render(minutes, locale);
    }

    public byte[] annexPdf(long roundId, CurrentUser user, Locale locale) {
        ReviewRound round = rounds.get(roundId, user);
        audit.record("EXPORT", "review_decision", String.valueOf(roundId), round.provinceCode(), "annex PDF");
        return DecisionAnnexPdf.render(annex(round, user), locale);
    }

    public byte[] annexDocx(long roundId, CurrentUser user, Locale locale) {
        ReviewRound round = rounds.get(roundId, user);
        audit.record("EXPORT", "review_decision", String.valueOf(roundId), round.provinceCode(), "annex DOCX");
        return DecisionAnnexDocx.render(annex(round, user), locale);
    }

    public byte[] annexXlsx(long roundId, CurrentUser user, Locale locale) {
        ReviewRound round = rounds.get(roundId, user);
        audit.record("EXPORT", "review_decision", String.valueOf(roundId), round.provinceCode(), "annex XLSX");
        return DecisionAnnexWorkbook.render(annex(round, user), locale);
    }

    /** Certificates of every poor and near-poor household of the decision, or of one household. */
    public byte[] certificates(long roundId, Long householdId, CurrentUser user, Locale locale) {
        return certificates(roundId, householdId, user, locale, false);
    }

    /** The certificates as a Word file, one household a page. */
    public byte[] certificatesDocx(long roundId, Long householdId, CurrentUser user, Locale locale) {
        return certificates(roundId, householdId, user, locale, true);
    }

    private byte[] certificates(long roundId, Long householdId, CurrentUser user, Locale locale, boolean docx) {
        ReviewRound round = rounds.get(roundId, user);
        Decision decision = decided(round);
        List<Certificate> certificates = new ArrayList<>();
        // the same for every certificate of the round: read once, not once per household (issue 26 point 5)
        Commune commune = commune(round);
        List<Integer> stamps = stampYears(round);
        List<DecidedHousehold> certified = decisions.households(roundId, decision.id(), user).stream()
                .filter(h -> DecidedList.certified(h.status()) && (householdId == null || h.householdId() == householdId))
                .toList();
        // every snapshot of the round in one query for a round's batch, only its own for one household
        Map<Long, RoundHouseholds.Snapshot> snapshots = certified.isEmpty() ? Map.of() : householdId == null
                ? households.snapshots(roundId, user) : Map.of(householdId, households.snapshot(roundId, householdId, user));
        Map<String, String> relations = new HashMap<>();
        for (DecidedHousehold h : certified) {
            RoundHouseholds.Snapshot snapshot = snapshots.get(h.householdId());
            if (snapshot == null) {
                throw new RoundNotFoundException("snapshot of household " + h.householdId() + " in round " + roundId);
            }
            certificates.add(certificate(round, decision, h, snapshot, locale, commune, stamps, relations));
        }
        if (certificates.isEmpty()) {
            throw new RoundNotFoundException("certificate");
        }
        audit.record("EXPORT", "review_decision", String.valueOf(decision.id()), round.provinceCode(),
                (docx ? "certificates DOCX: " : "certificates PDF: ") + certificates.size()
                        + (householdId == null ? "" : " (household " + householdId + ")"));
        return docx ? CertificateDocx.renderAll(certificates, locale) : CertificatePdf.renderAll(certificates, locale);
    }

    private Certificate certificate(ReviewRound round, Decision decision, DecidedHousehold h,
                                    RoundHouseholds.Snapshot snapshot, Locale locale, Commune commune, List<Integer> stamps,
                                    Map<String, String> relations) {
        HouseholdData data = read(snapshot);
        List<CertificateMember> members = data.members().stream()
                .map(m -> new CertificateMember(m.fullName(), m.birthDate().year(),
                        relations.computeIfAbsent(m.relation().code(), code -> relation(m, locale)))).toList();
        String number = h.certificateNo() == null ? "" : h.certificateNo().substring(0, h.certificateNo().indexOf('/'));
        return new Certificate(commune, PovertyStatus.POOR.is(h.status()) ? HouseholdList.POOR : HouseholdList.NEAR_POOR,
                number, round.listYear(), h.headName(), data.household().address(), h.villageName(), h.householdCode(),
                members, stamps, decision.decidedOn(), decision.signedBy());
    }

    private String relation(MemberRecord m, Locale locale) {
        String label = messages.getMessage("relation." + m.relation().code(), null, m.relation().code(), locale);
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** One stamp box per year from the list year to the end of the standard's period. */
    private List<Integer> stampYears(ReviewRound round) {
        int last = standards.standard(round.standardCode(), round.standardVersion())
                .flatMap(s -> s.validTo()).map(d -> d.getYear()).orElse(round.listYear());
        List<Integer> years = new ArrayList<>();
        for (int y = round.listYear(); y <= Math.max(last, round.listYear()); y++) {
            years.add(y);
        }
        return years;
    }

    private static HouseholdData read(RoundHouseholds.Snapshot snapshot) {
        var result = new HouseholdFileReader(java.time.LocalDate.of(2100, 1, 1)).read("households.csv",
                new java.io.ByteArrayInputStream(snapshot.householdsCsv().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "members.csv",
                new java.io.ByteArrayInputStream(snapshot.membersCsv().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return result.households().get(0);
    }

    private DecisionAnnex annex(ReviewRound round, CurrentUser user) {
        Decision decision = decided(round);
        List<DecidedHousehold> all = decisions.households(round.id(), decision.id(), user);
        return new DecisionAnnex(commune(round), decision.number(), decision.decidedOn(), round.listYear(),
                on(all, DecidedList.POOR), on(all, DecidedList.NEAR_POOR), on(all, DecidedList.ESCAPED_POOR),
                on(all, DecidedList.ESCAPED_NEAR_POOR), decision.signedBy());
    }

    private static List<AnnexHousehold> on(List<DecidedHousehold> all, DecidedList list) {
        return all.stream().filter(h -> h.lists().contains(list)).map(h -> {
            Set<HouseholdMark> marks = EnumSet.noneOf(HouseholdMark.class);
            if (h.ethnicMinority()) {
                marks.add(HouseholdMark.ETHNIC_MINORITY);
            }
            if (h.socialProtection()) {
                marks.add(HouseholdMark.SOCIAL_PROTECTION);
            }
            return new AnnexHousehold(h.householdCode(), h.headName(), h.villageName(), h.members(), marks);
        }).toList();
    }

    private Decision decided(ReviewRound round) {
        if (!round.decided()) {
            throw new RoundNotFoundException("decision of round " + round.id());
        }
        return decisions.current(round.id()).orElseThrow(() -> new RoundNotFoundException("decision of round " + round.id()));
    }

    /** The commune's full names on the day the round opened (with its district before the 2025 reform). */
    private Commune commune(ReviewRound round) {
        return jdbc.sql("""
                        SELECT c.full_name AS commune, CASE WHEN p.level = 'district' THEN p.full_name END AS district,
                               coalesce(pp.full_name, p.full_name) AS province
                        FROM admin_unit c JOIN admin_unit p ON p.id = c.parent_id
                        LEFT JOIN admin_unit pp ON p.level = 'district' AND pp.id = p.parent_id
                        WHERE c.id = :c""")
                .param("c", round.communeId())
                .query((rs, n) -> new Commune(rs.getString("commune"), rs.getString("district"), rs.getString("province")))
                .single();
    }
}
