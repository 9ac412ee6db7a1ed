package vn.giamngheo.analysis;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.giamngheo.document.WorkbookFingerprint;

/** The what-if export looks as it did before it moved onto the workbook builder. */
class WhatIfWorkbookSameTest {

    @Test
    void theChangedHouseholds() throws Exception {
        WhatIfResult result = new WhatIfResult("00123", "Xã Tân Lập", "ND07_2021", "thu nhập 2.000.000", Map.of(), 100,
                Map.of(), Map.of(), Map.of(), 2, List.of(), List.of(
                        new ChangedHousehold(1, "H001", "Giàng Seo Pủ", "Thôn 1", "00123", "Xã Tân Lập", "poor", "near_poor", 3, 2, null),
                        new ChangedHousehold(2, "@H002", "Lò Văn Páo", null, "00123", "Xã Tân Lập", "average", "poor", null, 1,
                                "income")), 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WhatIfWorkbook.write(result, out);
        WorkbookFingerprint.assertSame("analysis-what-if", out.toByteArray());
    }
}
