package vn.giamngheo.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.OfficialPdf;
import vn.giamngheo.document.PdfColumn;
import vn.giamngheo.document.PdfColumnGroup;
import vn.giamngheo.document.PdfRow;
import vn.giamngheo.document.PdfTable;
import vn.giamngheo.document.Signature;
import vn.giamngheo.format.Formats;
import vn.giamngheo.table.PrintedNumber;

/**
 * The cost table as an A4 landscape PDF in the documents' layout ({@link OfficialPdf}: Liberation Serif embedded,
 * Decree 30/2020 margins): title, the table with the central budget as one merged header over its three columns
 * and header rows repeated on every page, column widths from the font's metrics, the rows with groups and totals
 * in bold, and the signature blocks. The printed form is Vietnamese, like its workbook.
 */
final class CostTablePdf {

    private static final float[] WEIGHTS = {4, 28, 13, 8, 8, 8, 8, 8, 8, 8, 6};
    private static final float FONT = 10f;

    private CostTablePdf() {
    }

    static byte[] write(CostView view) {
        OfficialPdf pdf = OfficialPdf.createLandscape(DocumentLabels.forLocale(DocumentLabels.VIETNAMESE),
                CostTableLayout.title(view.stage(), view.year()));
        pdf.title(CostTableLayout.title(view.stage(), view.year()), CostTableLayout.subtitle(view));
        pdf.table(table(view), FONT);
        if (CostTableLayout.hasUnsplitCentral(view.table())) {
            pdf.paragraph(CostTableLayout.UNSPLIT_NOTE);
        }
        pdf.signatures(CostTableLayout.PLACE_DATE, List.of(
                new Signature(List.of(CostTableLayout.PREPARER), CostTableLayout.SIGN_HINT, ""),
                new Signature(List.of(CostTableLayout.HEAD), CostTableLayout.HEAD_HINT, "")));
        return pdf.finish();
    }

    static PdfTable table(CostView view) {
        List<PdfColumn> columns = new ArrayList<>();
        List<PdfColumnGroup> groups = new ArrayList<>();
        for (int c = 0; c < CostTableLayout.COLUMNS; c++) {
            boolean central = c >= CostTableLayout.CENTRAL_FIRST && c <= CostTableLayout.CENTRAL_LAST;
            columns.add(new PdfColumn(central ? CostTableLayout.HEADER_SUB.get(c) : CostTableLayout.HEADER_TOP.get(c),
                    WEIGHTS[c], c < CostTableLayout.FIRST_AMOUNT ? (c == 0 ? PdfColumn.Align.CENTER : PdfColumn.Align.LEFT)
                    : PdfColumn.Align.RIGHT));
            if (c == CostTableLayout.CENTRAL_FIRST) {
                groups.add(new PdfColumnGroup(CostTableLayout.HEADER_TOP.get(c),
                        CostTableLayout.CENTRAL_LAST - CostTableLayout.CENTRAL_FIRST + 1));
            } else if (!central) {
                groups.add(PdfColumnGroup.single());
            }
        }
        Formats formats = Formats.vietnamese();
        List<PdfRow> rows = new ArrayList<>();
        for (int index = 0; index < view.rows().size(); index++) {
            CostTable.Row row = view.rows().get(index);
            List<String> cells = new ArrayList<>(List.of(row.code(), row.item(), row.leadAgency()));
            for (BigDecimal a : CostTableLayout.amounts(row)) {
                cells.add(PrintedNumber.showAmount(a));
            }
            cells.add(view.disbursementRate(index).map(v -> formats.decimal(v, Math.max(0, v.scale()))).orElse(""));
            boolean bold = row.level() == CostTable.Level.TOTAL || row.level() == CostTable.Level.GROUP;
            rows.add(bold ? PdfRow.bold(cells) : PdfRow.of(cells));
        }
        return new PdfTable(columns, groups, rows, false);
    }
}
