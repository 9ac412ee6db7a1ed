package vn.giamngheo.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.giamngheo.format.Formats;

/**
 * The decision's annex as a Word file, with the same wording as {@link DecisionAnnexPdf}: heading, the four numbered
 * lists with their counts, the chair's signature. Empty lists say "none" so the reader sees they were not forgotten.
 */
public final class DecisionAnnexDocx {

    private DecisionAnnexDocx() {
    }

    public static byte[] render(DecisionAnnex annex, Locale locale) {
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        AnnexText text = new AnnexText(labels, annex);
        OfficialDocx docx = OfficialDocx.create(labels, text.title());
        docx.header(annex.commune().issuerLines(labels), "", "");
        docx.title(labels.get("document.annex.heading"), text.title());
        docx.centredItalic(text.attachedTo());
        for (AnnexSection section : AnnexSection.values()) {
            docx.heading(text.sectionTitle(section));
            List<AnnexHousehold> households = annex.households(section);
            if (households.isEmpty()) {
                docx.paragraph(labels.get("document.annex.none"));
                continue;
            }
            docx.table(columns(labels), rows(households, docx.formats()), OfficialDocx.TABLE);
            docx.paragraph(text.total(section));
        }
        docx.signatures(text.placeDate(), List.of(text.signature()));
        return docx.finish();
    }

    private static List<DocxColumn> columns(DocumentLabels labels) {
        List<DocxColumn> columns = new ArrayList<>(List.of(
                DocxColumn.of(labels.get("document.column.no"), 0.7, DocxColumn.Align.CENTER),
                DocxColumn.of(labels.get("document.column.household-code"), 2.0, DocxColumn.Align.LEFT),
                DocxColumn.of(labels.get("document.column.head"), 3.0, DocxColumn.Align.LEFT),
                DocxColumn.of(labels.get("document.column.village"), 2.3, DocxColumn.Align.LEFT),
                DocxColumn.of(labels.get("document.column.members"), 1.5, DocxColumn.Align.RIGHT)));
        for (HouseholdMark mark : HouseholdMark.values()) {
            columns.add(DocxColumn.of(labels.get("document.mark.short." + mark.name()), 1.1, DocxColumn.Align.CENTER));
        }
        return columns;
    }

    private static List<List<String>> rows(List<AnnexHousehold> households, Formats formats) {
        List<List<String>> rows = new ArrayList<>();
        int no = 1;
        for (AnnexHousehold h : households) {
            List<String> row = new ArrayList<>(List.of(formats.count(no++), h.householdCode(), h.head(), h.village(),
                    formats.count(h.members())));
            for (HouseholdMark mark : HouseholdMark.values()) {
                row.add(h.marks().contains(mark) ? "x" : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
