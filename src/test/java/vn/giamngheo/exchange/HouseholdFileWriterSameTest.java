package vn.giamngheo.exchange;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.document.WorkbookFingerprint;

/** The household and member XLSX files look as they did before they moved onto the workbook builder. */
class HouseholdFileWriterSameTest {

    private final HouseholdFileWriter writer = new HouseholdFileWriter();

    private static List<HouseholdData> data() {
        String households = ExchangeFixture.withCell(ExchangeFixture.HOUSEHOLDS, 2, "village", "=Thôn 1");
        String members = ExchangeFixture.withCell(ExchangeFixture.MEMBERS, 2, "full_name", "Giàng Thị Mỷ");
        return ExchangeFixture.read(households, members).households();
    }

    @Test
    void theHouseholdsAndTheMembers() throws Exception {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writer.writeHouseholdsXlsx(data(), h);
        writer.writeMembersXlsx(data(), m);
        WorkbookFingerprint.assertSame("exchange-households", h.toByteArray());
        WorkbookFingerprint.assertSame("exchange-members", m.toByteArray());
    }
}
