package vn.giamngheo.movement;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.document.WorkbookFingerprint;
import vn.giamngheo.movement.rules.Reconciliation;

/** The movement report export looks as it did before it moved onto the workbook builder. */
class MovementWorkbookSameTest {

    @Test
    void theUnitsTheTotalAndTheHouseholds() throws Exception {
        Reconciliation poor = Reconciliation.of(10, 3, 1, 2, 1, 1, 10);
        Reconciliation nearPoor = Reconciliation.of(8, 1, 0, 2, 0, 1, 11);
        List<PartMovement> parts = List.of(
                new PartMovement(2, "00124", "Thôn 1", Reconciliation.of(6, 2, 1, 1, 1, 0, 5), Reconciliation.of(5, 1, 0, 1, 0, 1, 6), 1),
                new PartMovement(3, "00125", "Thôn 2", Reconciliation.of(4, 1, 0, 1, 0, 1, 5), Reconciliation.of(3, 0, 0, 1, 0, 0, 5), 0));
        List<HouseholdMovement> households = List.of(
                new HouseholdMovement(11, "H001", "Giàng Seo Pủ", "Thôn 1", "poor", "near_poor", List.of("escaped"),
                        List.of("newly_entered"), null, null, LocalDate.of(2026, 12, 1), true),
                new HouseholdMovement(12, "=H002", "Lò Văn Páo", null, null, "poor", List.of("arrived"), List.of(),
                        "moved_in", null, null, false),
                new HouseholdMovement(13, "H003", "Vàng Thị Mai", "Thôn 2", "near_poor", null, List.of(),
                        List.of("departed"), null, "dissolved", null, false));
        MovementReport report = new MovementReport(1L, "00123", "Xã Tân Lập", "commune", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 1, 1), 2026, 36, poor, nearPoor, 1, parts, households);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MovementWorkbook.write(report, LocalDate.of(2027, 1, 5), out);
        WorkbookFingerprint.assertSame("movement-report", out.toByteArray());
    }

    @Test
    void aUnitWithoutPartsOrHouseholds() throws Exception {
        MovementReport report = new MovementReport(2L, "00124", "Thôn 1", "village", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 9, 30), null, 36, Reconciliation.of(4, 1, 0, 0, 0, 0, 3),
                Reconciliation.of(2, 0, 0, 0, 0, 0, 2), 0, List.of(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MovementWorkbook.write(report, LocalDate.of(2026, 10, 2), out);
        WorkbookFingerprint.assertSame("movement-report-empty", out.toByteArray());
    }
}
