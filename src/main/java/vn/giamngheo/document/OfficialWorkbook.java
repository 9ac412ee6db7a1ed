package vn.giamngheo.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * An XLSX workbook of official tables (annexes, reports): sheets with merged title rows, one or two header
 * rows, typed columns, totals and a signature block ({@link OfficialSheet}). Text is always written as text:
 * a value that looks like a formula is stored as a string and shown as typed.
 */
public final class OfficialWorkbook {

    private final WorkbookBuilder book = WorkbookBuilder.create();
    private final Workbook workbook = book.poi();
    private final WorkbookStyles styles = new WorkbookStyles(workbook);

    /** A new sheet; the name is made safe for Excel (at most 31 characters, no {@code []:*?/\}). */
    public OfficialSheet sheet(String name, List<SheetColumn> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a sheet needs at least one column");
        }
        return new OfficialSheet(workbook.createSheet(WorkbookUtil.createSafeSheetName(Text.nfc(name))), styles,
                List.copyOf(columns));
    }

    public void write(OutputStream out) {
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XLSX file; the workbook is closed afterwards. */
    public byte[] finish() {
        return book.bytes();
    }
}
