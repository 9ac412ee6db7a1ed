package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Completeness and timeliness of a periodic review under a unit on a day: every commune with its round (if any),
 * decision, approval and lists, whether it finished (approved) and whether it is late; and the totals.
 * <p>
 * Added for issue 16: per commune its {@code phase} (not opened, a step, decided, approved, returned), its
 * {@code timeliness} (late / on time / not yet due — without a decision never on time) and whether its lists are
 * known ({@code hasLists}: the counts of a commune without a decision in force are no data, not 0, and left out of
 * the totals' meaning: {@code withLists} communes make them); the totals by phase and by timeliness.
 */
record ProgressReport(long unitId, String unitCode, String unitName, String provinceCode, int reviewYear,
                             LocalDate decisionDue, LocalDate asOf, int communeCount, int finished, int notFinished,
                             int late, List<CommuneRow> communes, List<Total> byPhase, List<Total> byTimeliness,
                             int notOpened, int withLists) {

    /**
     * One commune as the page, the workbook and the API show it. {@code poor}, {@code nearPoor} and
     * {@code households} are 0 when {@code hasLists} is false (no decision in force): read them as no data.
     */
    public record CommuneRow(long communeId, String communeCode, String communeName, Long roundId, String state,
                             String approvalState, LocalDate decisionDue, LocalDate decidedOn, String decisionNumber,
                             int households, int poor, int nearPoor, boolean finished, boolean late,
                             String phase, String timeliness, boolean hasLists, long daysOverdue, String approvedBy,
                             String returnedBy, String returnReason) {

        static CommuneRow of(CommuneProgress p, LocalDate asOf) {
            return new CommuneRow(p.communeId(), p.communeCode(), p.communeName(), p.roundId(), p.state(),
                    p.approvalState(), p.decisionDue(), p.decidedOn(), p.decisionNumber(), p.households(), p.poor(),
                    p.nearPoor(), p.finished(), p.late(asOf), p.phase().code(), p.timeliness(asOf).code(), p.hasLists(),
                    p.daysOverdue(asOf), p.approvedBy(), p.returnedBy(), p.returnReason());
        }
    }

    /** How many communes are in a phase ({@code not_opened}, …) or a timeliness ({@code late}, …). */
    public record Total(String code, int communes) {
    }

    static ProgressReport of(long unitId, String unitCode, String unitName, String provinceCode, int reviewYear,
                             LocalDate decisionDue, LocalDate asOf, List<CommuneProgress> progress) {
        List<CommuneRow> rows = progress.stream().map(p -> CommuneRow.of(p, asOf)).toList();
        int finished = (int) rows.stream().filter(CommuneRow::finished).count();
        int late = (int) rows.stream().filter(CommuneRow::late).count();
        Map<CommuneProgress.Phase, Integer> phases = new EnumMap<>(CommuneProgress.Phase.class);
        Map<CommuneProgress.Timeliness, Integer> timeliness = new EnumMap<>(CommuneProgress.Timeliness.class);
        for (CommuneProgress p : progress) {
            phases.merge(p.phase(), 1, Integer::sum);
            timeliness.merge(p.timeliness(asOf), 1, Integer::sum);
        }
        List<Total> byPhase = new ArrayList<>();
        for (CommuneProgress.Phase ph : CommuneProgress.Phase.values()) {
            byPhase.add(new Total(ph.code(), phases.getOrDefault(ph, 0)));
        }
        List<Total> byTimeliness = new ArrayList<>();
        for (CommuneProgress.Timeliness t : CommuneProgress.Timeliness.values()) {
            byTimeliness.add(new Total(t.code(), timeliness.getOrDefault(t, 0)));
        }
        int withLists = (int) rows.stream().filter(CommuneRow::hasLists).count();
        return new ProgressReport(unitId, unitCode, unitName, provinceCode, reviewYear, decisionDue, asOf, rows.size(),
                finished, rows.size() - finished, late, rows, List.copyOf(byPhase), List.copyOf(byTimeliness),
                phases.getOrDefault(CommuneProgress.Phase.NOT_OPENED, 0), withLists);
    }

    /** The communes in a phase (by its code). */
    public int inPhase(String code) {
        return byPhase.stream().filter(t -> t.code().equals(code)).mapToInt(Total::communes).sum();
    }

    /** The communes of a timeliness (by its code). */
    public int inTimeliness(String code) {
        return byTimeliness.stream().filter(t -> t.code().equals(code)).mapToInt(Total::communes).sum();
    }

    /** The households reviewed in the communes with a decision in force (the others are no data). */
    public int households() {
        return rows(CommuneRow::households);
    }

    public int poor() {
        return rows(CommuneRow::poor);
    }

    public int nearPoor() {
        return rows(CommuneRow::nearPoor);
    }

    private int rows(java.util.function.ToIntFunction<CommuneRow> f) {
        return communes.stream().mapToInt(f).sum();
    }
}
