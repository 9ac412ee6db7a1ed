package vn.giamngheo.livelihood;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.giamngheo.document.WorkbookFingerprint;
import vn.giamngheo.livelihood.rules.ShareVerdict;

/** The livelihood models export looks as it did before it moved onto the workbook builder. */
class ModelWorkbookSameTest {

    @Test
    void theModelsAndTheirParticipants() throws Exception {
        ModelRecords.Model first = new ModelRecords.Model(1, "08", 5, "Xã Tân Lập", 6L, "Thôn 1", "Nuôi bò sinh sản", "livestock",
                "Tiểu dự án 1", "=SUM(A1)", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), "Hội Nông dân", "mô tả", 3,
                new ModelRecords.Mix(10, 5, 3, 1, 8, 9, new BigDecimal("90.00"), ShareVerdict.PREFERRED),
                new ModelRecords.Outcomes(4, 1_500_000L, 2_250_000L, 6, 2));
        ModelRecords.Model second = new ModelRecords.Model(2, "08", 5, "Xã Tân Lập", null, null, "Trồng chè", "crops",
                null, null, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 31), null, null, 1,
                new ModelRecords.Mix(0, 0, 0, 0, 0, 0, null, ShareVerdict.NO_PARTICIPANTS),
                new ModelRecords.Outcomes(0, null, null, 0, 0));
        ModelRecords.Participant p1 = new ModelRecords.Participant(11, 101, "H001", "Giàng Seo Pủ", "Thôn 1",
                LocalDate.of(2026, 3, 2), "poor", false, true, "poor", 1_000_000L, 2_000_000L, null, "near_poor",
                LocalDate.of(2027, 1, 1), "1");
        ModelRecords.Participant p2 = new ModelRecords.Participant(12, 102, "+H002", "Lò Văn Páo", null,
                LocalDate.of(2026, 3, 5), null, false, false, null, null, null, null, null, null, "1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelWorkbook.write("Tỉnh Tuyên Quang", List.of(first, second), Map.of(1L, List.of(p1, p2)), out);
        WorkbookFingerprint.assertSame("livelihood-models", out.toByteArray());
    }
}
