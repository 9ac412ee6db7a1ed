package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A workbook streamed to disk ({@link WorkbookBuilder#streaming}) must read like one built in memory, also by a reader
 * that goes through the zip entry by entry without its central directory ({@link ZipInputStream}: browsers' and
 * scripts' unzip-as-you-download). POI's default Zip64 mode wrote local headers of size 0 that such readers refuse.
 */
class StreamedWorkbookTest {

    @Test
    void aStreamedWorkbookReadsEntryByEntryAndAsAWorkbook() throws Exception {
        byte[] bytes;
        try (WorkbookBuilder book = WorkbookBuilder.streaming(10)) {
            WorkbookBuilder.SheetBuilder sheet = book.sheet("danh sách").header(List.of("Mã hộ", "Số"));
            for (int i = 0; i < 250; i++) {
                sheet.row().text("H-" + i).number(i);
            }
            bytes = book.bytes();
        }
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                zip.readAllBytes();
                entries.add(e.getName());
            }
        }
        assertThat(entries).contains("xl/workbook.xml", "xl/worksheets/sheet1.xml");
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(read.getSheet("danh sách").getLastRowNum()).isEqualTo(250);
            assertThat(read.getSheet("danh sách").getRow(250).getCell(0).getStringCellValue()).isEqualTo("H-249");
        }
    }
}
