package vn.giamngheo.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decision's annex as PDF: heading, the four numbered lists with their counts (their columns aligned), the
 * chair's signature.
 * Empty lists are printed with "none" so the reader sees they were not forgotten.
 */
public final class DecisionAnnexPdf {

    private DecisionAnnexPdf() {
    }

    public static byte[] render(DecisionAnnex annex, Locale locale) {
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        AnnexText text = new AnnexText(labels, annex);
        OfficialPdf pdf = OfficialPdf.create(labels, text.title());
        pdf.header(annex.commune().issuerLines(labels), "", "");
        pdf.title(labels.get("document.annex.heading"), text.title());
        pdf.add(OfficialPdf.centered(text.attachedTo(), PdfFonts.italic(PdfFonts.BODY)));
        List<AnnexHousehold> all = new ArrayList<>();
        for (AnnexSection section : AnnexSection.values()) {
            all.addAll(annex.households(section));
        }
        ColumnWidths.Layout layout = pdf.layout(table(labels, all), PdfFonts.SMALL);
        for (AnnexSection section : AnnexSection.values()) {
            pdf.heading(text.sectionTitle(section));
            List<AnnexHousehold> households = annex.households(section);
            if (households.isEmpty()) {
                pdf.paragraph(labels.get("document.annex.none"));
                continue;
            }
            pdf.table(table(labels, households), layout);
            pdf.paragraph(text.total(section));
        }
        pdf.signatures(text.placeDate(), List.of(text.signature()));
        return pdf.finish();
    }

    /** The four lists share one layout (computed over every household) so that their columns line up. */
    private static PdfTable table(DocumentLabels labels, List<AnnexHousehold> households) {
        return new PdfTable(columns(labels), List.of(), rows(households).stream().map(PdfRow::of).toList(), false);
    }

    private static List<PdfColumn> columns(DocumentLabels labels) {
        List<PdfColumn> columns = new ArrayList<>(List.of(
                new PdfColumn(labels.get("document.column.no"), 0.7f, PdfColumn.Align.CENTER),
                new PdfColumn(labels.get("document.column.household-code"), 2.0f, PdfColumn.Align.LEFT),
                new PdfColumn(labels.get("document.column.head"), 3.0f, PdfColumn.Align.LEFT),
                new PdfColumn(labels.get("document.column.village"), 2.3f, PdfColumn.Align.LEFT),
                new PdfColumn(labels.get("document.column.members"), 1.5f, PdfColumn.Align.RIGHT)));
        for (HouseholdMark mark : HouseholdMark.values()) {
            columns.add(new PdfColumn(labels.get("document.mark.short." + mark.name()), 1.1f, PdfColumn.Align.CENTER));
        }
        return columns;
    }

    private static List<List<String>> rows(List<AnnexHousehold> households) {
        List<List<String>> rows = new ArrayList<>();
        int no = 1;
        for (AnnexHousehold h : households) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(no++), h.householdCode(), h.head(), h.village(),
                    String.valueOf(h.members())));
            for (HouseholdMark mark : HouseholdMark.values()) {
                row.add(h.marks().contains(mark) ? "x" : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
