package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A long table (a commune's annex of thousands of households) is laid out a part at a time, since OpenPDF lays out a
 * whole table's rows again for every page it fills; the parts must join into exactly the pages the table makes when
 * laid out all at once: same page count, same text, and every page drawn pixel for pixel the same.
 */
class LongTablePdfTest {

    @Test
    void aTableLaidOutInPartsMakesThePagesOfTheWholeTable() throws Exception {
        Poppler.require();
        DocumentLabels labels = DocumentLabels.forLocale(DocumentLabels.VIETNAMESE);
        List<PdfColumn> columns = List.of(new PdfColumn("TT", 0.7f, PdfColumn.Align.CENTER),
                new PdfColumn("Mã hộ", 2.0f, PdfColumn.Align.LEFT), new PdfColumn("Chủ hộ", 3.0f, PdfColumn.Align.LEFT),
                new PdfColumn("Thôn", 2.3f, PdfColumn.Align.LEFT), new PdfColumn("Số người", 1.5f, PdfColumn.Align.RIGHT));
        List<PdfRow> rows = new ArrayList<>();
        for (int i = 1; i <= 700; i++) {
            // a long name now and then wraps onto two lines, as real heads' names do
            rows.add(PdfRow.of(List.of(String.valueOf(i), "HH-08-" + (100000 + i),
                    i % 37 == 0 ? "Hoàng Thị Thu Hương Nguyễn Lò Văn Khánh " + i : "Nguyễn Văn Thành " + i,
                    "Thôn Khuổi Ngọc " + i % 25, String.valueOf(1 + i % 7))));
        }
        PdfTable table = new PdfTable(columns, List.of(), rows, false);
        Path whole = Poppler.save("long-table-whole.pdf", render(labels, table, Integer.MAX_VALUE));
        Path parts = Poppler.save("long-table-parts.pdf", render(labels, table, 64));
        assertThat(Poppler.text(parts)).isEqualTo(Poppler.text(whole)).contains("700 HH-08-100700");
        List<byte[]> a = pages(whole);
        List<byte[]> b = pages(parts);
        assertThat(a).hasSizeGreaterThan(10);
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(Arrays.equals(a.get(i), b.get(i))).as("page %d drawn the same", i + 1).isTrue();
        }
    }

    private static byte[] render(DocumentLabels labels, PdfTable table, int rowsAtATime) {
        OfficialPdf pdf = OfficialPdf.create(labels, "bảng dài");
        pdf.table(table, pdf.layout(table, PdfFonts.SMALL), rowsAtATime);
        pdf.paragraph("Tổng cộng: 700 hộ.");
        return pdf.finish();
    }

    private static List<byte[]> pages(Path pdf) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pages");
        Process p = new ProcessBuilder("pdftoppm", "-gray", "-r", "40", pdf.toString(), dir.resolve("p").toString())
                .inheritIO().start();
        assertThat(p.waitFor()).isZero();
        List<byte[]> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                pages.add(Files.readAllBytes(f));
            }
        }
        return pages;
    }
}
