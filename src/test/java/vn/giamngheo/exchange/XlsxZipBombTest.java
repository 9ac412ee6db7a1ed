package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class XlsxZipBombTest {

    /** A valid workbook whose sheet XML is padded with 20 MB of spaces: it compresses about 1000 to 1. */
    private static byte[] bomb(byte[] workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    xml = xml.replace("</worksheet>", " ".repeat(20_000_000) + "</worksheet>");
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aHighlyCompressedWorkbookIsRefusedAsAProblemNotReadIntoMemory() throws IOException {
        var data = ExchangeFixture.read(ExchangeFixture.HOUSEHOLDS, ExchangeFixture.MEMBERS).households();
        ByteArrayOutputStream households = new ByteArrayOutputStream();
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        new HouseholdFileWriter().writeHouseholdsXlsx(data, households);
        new HouseholdFileWriter().writeMembersXlsx(data, members);
        byte[] bomb = bomb(households.toByteArray());
        assertThat(bomb.length).isLessThan(200_000);

        ReadResult result = new HouseholdFileReader(ExchangeFixture.TODAY).read("households.xlsx",
                new ByteArrayInputStream(bomb), "members.xlsx", new ByteArrayInputStream(members.toByteArray()));

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("households.xlsx");
            assertThat(p.code()).isEqualTo(ExchangeProblem.UNREADABLE_FILE);
            assertThat(p.message()).containsIgnoringCase("zip bomb");
        });
    }

    @Test
    void aWorkbookWithMoreRowsThanAllowedIsRefused() {
        var data = ExchangeFixture.read(ExchangeFixture.HOUSEHOLDS, ExchangeFixture.MEMBERS).households();
        ByteArrayOutputStream households = new ByteArrayOutputStream();
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        new HouseholdFileWriter().writeHouseholdsXlsx(data, households);
        new HouseholdFileWriter().writeMembersXlsx(data, members);

        ReadResult result = new HouseholdFileReader(ExchangeFixture.TODAY, 2).read("households.xlsx",
                new ByteArrayInputStream(households.toByteArray()), "members.xlsx",
                new ByteArrayInputStream(members.toByteArray()));

        assertThat(result.errors()).extracting(ExchangeProblem::code).contains(ExchangeProblem.TOO_MANY_ROWS);
    }
}
