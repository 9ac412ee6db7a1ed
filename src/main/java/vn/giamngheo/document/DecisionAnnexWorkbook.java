package vn.giamngheo.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decision's annex as XLSX: merged titles, a two-level header (the group marks under "Nhóm hộ"), the
 * four lists each opened by a section row and closed by a totals row (households, members, marks), and
 * the chair's signature. Totals are values computed here, so every viewer shows the same numbers.
 */
public final class DecisionAnnexWorkbook {

    private static final int LABEL_SPAN = 4;

    private DecisionAnnexWorkbook() {
    }

    public static byte[] render(DecisionAnnex annex, Locale locale) {
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        AnnexText text = new AnnexText(labels, annex);
        OfficialWorkbook workbook = new OfficialWorkbook();
        OfficialSheet sheet = workbook.sheet(labels.get("document.annex.sheet"), columns(labels));
        sheet.title(Text.upper(labels.get("document.annex.heading"))).title(text.title()).subtitle(text.attachedTo()).blank().header();
        for (AnnexSection section : AnnexSection.values()) {
            sheet.section(text.sectionTitle(section));
            int no = 1;
            for (AnnexHousehold h : annex.households(section)) {
                List<Object> row = new ArrayList<>(List.of(no++, h.householdCode(), h.head(), h.village(), h.members()));
                for (HouseholdMark mark : HouseholdMark.values()) {
                    row.add(h.marks().contains(mark) ? "x" : null);
                }
                sheet.row(row.toArray());
            }
            List<Object> totals = new ArrayList<>(List.of(annex.members(section)));
            for (HouseholdMark mark : HouseholdMark.values()) {
                totals.add(annex.marked(section, mark));
            }
            sheet.totals(text.total(section), LABEL_SPAN, totals.toArray());
        }
        sheet.signature(text.placeDate(), text.signature());
        return workbook.finish();
    }

    private static List<SheetColumn> columns(DocumentLabels labels) {
        List<SheetColumn> columns = new ArrayList<>(List.of(
                SheetColumn.of(labels.get("document.column.no"), SheetColumn.Kind.CENTERED, 6),
                SheetColumn.of(labels.get("document.column.household-code"), SheetColumn.Kind.TEXT, 16),
                SheetColumn.of(labels.get("document.column.head"), SheetColumn.Kind.TEXT, 28),
                SheetColumn.of(labels.get("document.column.village"), SheetColumn.Kind.TEXT, 20),
                SheetColumn.of(labels.get("document.column.members"), SheetColumn.Kind.INTEGER, 12)));
        String group = labels.get("document.column.marks");
        for (HouseholdMark mark : HouseholdMark.values()) {
            columns.add(new SheetColumn(group, labels.get("document.mark." + mark.name()), SheetColumn.Kind.CENTERED, 16));
        }
        return columns;
    }
}
