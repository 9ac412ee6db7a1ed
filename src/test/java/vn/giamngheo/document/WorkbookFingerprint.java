package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a user sees of an XLSX export, read back with POI as text: sheets in order, column widths, freeze pane,
 * autofilter, merged regions, and every cell with its type, value, number format, font, alignment, borders and
 * wrapping (and fill, print header and page setup, where there are). Two exports with the same fingerprint look the same to a user. The expected fingerprints of the exports
 * were written from the writers as they were before they moved onto {@link WorkbookBuilder}.
 */
public final class WorkbookFingerprint {

    private WorkbookFingerprint() {
    }

    public static String of(byte[] xlsx) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                out.append("SHEET ").append(sheet.getSheetName()).append('\n');
                int maxColumn = 0;
                for (Row row : sheet) {
                    maxColumn = Math.max(maxColumn, row.getLastCellNum());
                }
                StringBuilder widths = new StringBuilder();
                for (int c = 0; c < Math.max(maxColumn, 1); c++) {
                    widths.append(sheet.getColumnWidth(c)).append(' ');
                }
                out.append("  widths ").append(widths.toString().strip()).append('\n');
                if (sheet.getPaneInformation() != null && sheet.getPaneInformation().isFreezePane()) {
                    out.append("  freeze ").append(sheet.getPaneInformation().getVerticalSplitLeftColumn()).append(',')
                            .append(sheet.getPaneInformation().getHorizontalSplitTopRow()).append('\n');
                }
                if (sheet instanceof XSSFSheet x && x.getCTWorksheet().isSetAutoFilter()) {
                    out.append("  autofilter ").append(x.getCTWorksheet().getAutoFilter().getRef()).append('\n');
                }
                String printHeader = sheet.getHeader().getCenter();
                if (printHeader != null && !printHeader.isEmpty()) {
                    out.append("  print header ").append(printHeader).append('\n');
                }
                if (sheet.getFitToPage() || sheet.getPrintSetup().getLandscape()) {
                    out.append("  print ").append(sheet.getPrintSetup().getLandscape() ? "landscape" : "portrait")
                            .append(" paper=").append(sheet.getPrintSetup().getPaperSize())
                            .append(" fit=").append(sheet.getFitToPage()).append('/')
                            .append(sheet.getPrintSetup().getFitWidth()).append(',')
                            .append(sheet.getPrintSetup().getFitHeight()).append('\n');
                }
                for (CellRangeAddress merged : sheet.getMergedRegions()) {
                    out.append("  merged ").append(merged.formatAsString()).append('\n');
                }
                for (Row row : sheet) {
                    out.append("  ROW ").append(row.getRowNum() + 1);
                    if (row.isFormatted() || row.getZeroHeight() || row.getHeight() != sheet.getDefaultRowHeight()) {
                        out.append(" height ").append(row.getHeight());
                    }
                    out.append('\n');
                    for (Cell cell : row) {
                        out.append("    ").append(cell.getAddress()).append(' ').append(cell.getCellType()).append(' ')
                                .append(value(cell)).append(" | ").append(style(workbook, cell.getCellStyle())).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private static String value(Cell cell) {
        return switch (cell.getCellType()) {
            case NUMERIC -> String.valueOf(cell.getNumericCellValue());
            case STRING -> "\"" + cell.getStringCellValue().replace("\n", "\\n") + "\"";
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case FORMULA -> "=" + cell.getCellFormula();
            default -> "";
        };
    }

    private static String style(Workbook workbook, CellStyle s) {
        Font f = workbook.getFontAt(s.getFontIndex());
        return "fmt=" + s.getDataFormatString() + " font=" + f.getFontName() + "/" + f.getFontHeightInPoints()
                + (f.getBold() ? "/b" : "") + (f.getItalic() ? "/i" : "") + " align=" + s.getAlignment() + "/"
                + s.getVerticalAlignment() + " border=" + s.getBorderTop() + "," + s.getBorderBottom() + ","
                + s.getBorderLeft() + "," + s.getBorderRight() + (s.getWrapText() ? " wrap" : "")
                + (s.getQuotePrefixed() ? " quoted" : "")
                + (s.getFillPattern() == FillPatternType.NO_FILL ? ""
                        : " fill=" + s.getFillPattern() + "/" + s.getFillForegroundColor());
    }

    /**
     * Compares an export with its expected fingerprint in {@code src/test/resources/workbooks/<name>.txt}; with
     * {@code -Dgiamngheo.workbooks.write=true} writes it first (only ever from the writer before a change of its code).
     */
    public static void assertSame(String name, byte[] xlsx) throws IOException {
        String actual = of(xlsx);
        Path file = Path.of("src/test/resources/workbooks", name + ".txt");
        if (Boolean.getBoolean("giamngheo.workbooks.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("export " + name + " as users see it").isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
