package vn.giamngheo.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.DocxColumn;
import vn.giamngheo.document.DocxRow;
import vn.giamngheo.document.OfficialDocx;
import vn.giamngheo.document.Signature;
import vn.giamngheo.format.Formats;

/**
 * The cost table as a Word file on A4 landscape, the same content as the PDF ({@link CostTablePdf}) in the State's
 * format: the issuing body and the national motto, the title and the unit, the table with "Ngân sách trung ương"
 * merged over its three columns, group and total rows in bold, the note, the place and date left to be filled in,
 * and the signatures of the preparer and the head of the unit. Printed forms are Vietnamese; amounts in million
 * đồng with up to three decimals.
 */
final class CostTableDocx {

    private static final double[] WIDTHS = {4, 28, 13, 8, 8, 8, 8, 8, 8, 8, 6};
    private static final String MINISTRY = "Bộ Nông nghiệp và Môi trường";

    private CostTableDocx() {
    }

    static byte[] write(CostView view) {
        Formats formats = Formats.vietnamese();
        DocumentLabels labels = DocumentLabels.forLocale(DocumentLabels.VIETNAMESE);
        String title = CostTableLayout.title(view.stage(), view.year());
        OfficialDocx docx = OfficialDocx.createLandscape(labels, title);
        docx.header(List.of(view.unitName().isBlank() ? MINISTRY : labels.get("document.issuer", view.unitName())), "", "");
        docx.title(title, CostTableLayout.subtitle(view));
        List<DocxColumn> columns = new ArrayList<>();
        for (int c = 0; c < CostTableLayout.COLUMNS; c++) {
            boolean central = c >= CostTableLayout.CENTRAL_FIRST && c <= CostTableLayout.CENTRAL_LAST;
            DocxColumn.Align align = c < CostTableLayout.FIRST_AMOUNT ? (c == 0 ? DocxColumn.Align.CENTER : DocxColumn.Align.LEFT)
                    : DocxColumn.Align.RIGHT;
            columns.add(central
                    ? new DocxColumn(CostTableLayout.HEADER_TOP.get(CostTableLayout.CENTRAL_FIRST),
                            CostTableLayout.HEADER_SUB.get(c), WIDTHS[c], align)
                    : DocxColumn.of(CostTableLayout.HEADER_TOP.get(c), WIDTHS[c], align));
        }
        List<DocxRow> rows = new ArrayList<>();
        for (int index = 0; index < view.rows().size(); index++) {
            CostTable.Row row = view.rows().get(index);
            List<String> cells = new ArrayList<>(List.of(row.code(), row.item(), row.leadAgency()));
            for (BigDecimal a : CostTableLayout.amounts(row)) {
                cells.add(formats.millions(a));
            }
            cells.add(view.disbursementRate(index).map(r -> formats.decimal(r, 2)).orElse(""));
            boolean bold = row.level() == CostTable.Level.TOTAL || row.level() == CostTable.Level.GROUP;
            rows.add(bold ? DocxRow.total(cells) : DocxRow.row(cells));
        }
        docx.table(columns, rows, 10, true);
        if (CostTableLayout.hasUnsplitCentral(view.table())) {
            docx.note(CostTableLayout.UNSPLIT_NOTE);
        }
        docx.signatures(CostTableLayout.PLACE_DATE, List.of(
                new Signature(List.of(CostTableLayout.PREPARER), CostTableLayout.SIGN_HINT, ""),
                new Signature(List.of(CostTableLayout.HEAD), CostTableLayout.HEAD_HINT, "")));
        return docx.finish();
    }
}
