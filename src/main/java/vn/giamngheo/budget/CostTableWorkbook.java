package vn.giamngheo.budget;

import java.math.BigDecimal;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.document.WorkbookBuilder;
import vn.giamngheo.document.WorkbookBuilder.Look;
import vn.giamngheo.document.WorkbookBuilder.RowBuilder;
import vn.giamngheo.document.WorkbookBuilder.SheetBuilder;

/** The cost table as an XLSX sheet laid out like the plans print it: title, merged headers, totals, signatures. */
final class CostTableWorkbook {

    private CostTableWorkbook() {
    }

    private static final Look TITLE = Look.PLAIN.bold().centred();
    private static final Look CENTRE = Look.PLAIN.centred();
    private static final Look ITALIC_CENTRE = Look.PLAIN.italic().centred();
    private static final Look HEADER = Look.PLAIN.bold().centred().middle().bordered().wrapped();
    private static final Look CELL = Look.PLAIN.bordered().top();
    private static final Look TEXT = CELL.wrapped();
    private static final Look NUMBER = CELL.format("#,##0.###");
    private static final Look RATE = CELL.format("0.00");

    static byte[] write(CostView view) {
        WorkbookBuilder book = WorkbookBuilder.create();
        SheetBuilder sheet = book.sheet("Biểu kinh phí");
        int last = CostTableLayout.COLUMNS - 1;
        sheet.row().merged(CostTableLayout.title(view.stage(), view.year()), TITLE, last);
        sheet.row().merged(CostTableLayout.subtitle(view), CENTRE, last);
        sheet.blank();
        RowBuilder top = sheet.row();
        RowBuilder sub = sheet.row();
        for (int c = 0; c < CostTableLayout.COLUMNS; c++) {
            top.text(CostTableLayout.HEADER_TOP.get(c), HEADER);
            sub.text(CostTableLayout.HEADER_SUB.get(c), HEADER);
            boolean central = c >= CostTableLayout.CENTRAL_FIRST && c <= CostTableLayout.CENTRAL_LAST;
            if (!central) {
                sheet.merge(3, 4, c, c);
            }
        }
        sheet.merge(3, 3, CostTableLayout.CENTRAL_FIRST, CostTableLayout.CENTRAL_LAST);
        for (int index = 0; index < view.rows().size(); index++) {
            CostTable.Row row = view.rows().get(index);
            boolean bold = row.level() == CostTable.Level.TOTAL || row.level() == CostTable.Level.GROUP;
            RowBuilder line = sheet.row()
                    .text(row.code(), bold ? TEXT.bold() : TEXT)
                    .text(row.item(), bold ? TEXT.bold() : TEXT)
                    .text(row.leadAgency(), TEXT)
                    .at(CostTableLayout.FIRST_AMOUNT);
            for (BigDecimal amount : CostTableLayout.amounts(row)) {
                line.number(amount, bold ? NUMBER.bold() : NUMBER);
            }
            line.at(CostTableLayout.RATE).number(view.disbursementRate(index).orElse(null), bold ? RATE.bold() : RATE);
        }
        sheet.blank();
        if (CostTableLayout.hasUnsplitCentral(view.table())) {
            sheet.row().text(CostTableLayout.UNSPLIT_NOTE, Look.PLAIN);
        }
        sheet.blank();
        sheet.row().at(6).merged(CostTableLayout.PLACE_DATE, ITALIC_CENTRE, last);
        sheet.row().merged(CostTableLayout.PREPARER, TITLE, 2).at(6).merged(CostTableLayout.HEAD, TITLE, last);
        sheet.row().merged(CostTableLayout.SIGN_HINT, ITALIC_CENTRE, 2).at(6).merged(CostTableLayout.HEAD_HINT, ITALIC_CENTRE, last);
        sheet.widths(CostTableLayout.COLUMNS, c -> switch (c) {
            case 0 -> 7;
            case 1 -> 60;
            case 2 -> 28;
            case CostTableLayout.RATE -> 12;
            default -> 16;
        });
        sheet.freeze(2, 5);
        sheet.printOnA4(true);
        return book.bytes();
    }
}
