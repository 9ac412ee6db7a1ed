package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.List;

/**
 * Completeness and timeliness of a periodic review under a unit on a day: every commune with its round (if any),
 * decision, approval and lists, whether it finished (approved) and whether it is late; and the totals.
 */
public record ProgressReport(long unitId, String unitCode, String unitName, String provinceCode, int reviewYear,
                             LocalDate decisionDue, LocalDate asOf, int communeCount, int finished, int notFinished,
                             int late, List<CommuneRow> communes) {

    /** One commune as the page, the workbook and the API show it. */
    public record CommuneRow(long communeId, String communeCode, String communeName, Long roundId, String state,
                             String approvalState, LocalDate decisionDue, LocalDate decidedOn, String decisionNumber,
                             int households, int poor, int nearPoor, boolean finished, boolean late) {

        static CommuneRow of(CommuneProgress p, LocalDate asOf) {
            return new CommuneRow(p.communeId(), p.communeCode(), p.communeName(), p.roundId(), p.state(),
                    p.approvalState(), p.decisionDue(), p.decidedOn(), p.decisionNumber(), p.households(), p.poor(),
                    p.nearPoor(), p.finished(), p.late(asOf));
        }
    }

    static ProgressReport of(long unitId, String unitCode, String unitName, String provinceCode, int reviewYear,
                             LocalDate decisionDue, LocalDate asOf, List<CommuneProgress> progress) {
        List<CommuneRow> rows = progress.stream().map(p -> CommuneRow.of(p, asOf)).toList();
        int finished = (int) rows.stream().filter(CommuneRow::finished).count();
        int late = (int) rows.stream().filter(CommuneRow::late).count();
        return new ProgressReport(unitId, unitCode, unitName, provinceCode, reviewYear, decisionDue, asOf, rows.size(),
                finished, rows.size() - finished, late, rows);
    }

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
