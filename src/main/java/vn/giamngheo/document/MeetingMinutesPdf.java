package vn.giamngheo.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Minutes of the village meeting (biên bản họp thôn): who chaired, recorded and supervised, attendance, the
 * vote on each household discussed with its share of agreement, the conclusion, and the signatures of the
 * secretary and the chair.
 */
public final class MeetingMinutesPdf {

    private static final float TABLE_FONT = 9f;

    private MeetingMinutesPdf() {
    }

    public static byte[] render(MeetingMinutes m, Locale locale) {
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        String title = labels.get("document.minutes.title", m.village());
        OfficialPdf pdf = OfficialPdf.create(labels, title);
        pdf.header(List.of(labels.get("document.issuer", m.commune().commune()), m.village()), "",
                PlaceDate.line(labels, m.village(), m.date()));
        pdf.title(title, labels.get("document.minutes.subject", String.valueOf(m.listYear())));
        pdf.paragraph(labels.get("document.minutes.opening", PlaceDate.day(m.date()), PlaceDate.month(m.date()),
                String.valueOf(m.date().getYear()), m.venue(), m.commune().address(m.village()),
                String.valueOf(m.listYear())));
        pdf.heading(labels.get("document.minutes.attendees"));
        pdf.field(labels.get("document.minutes.chair"), m.chair());
        pdf.field(labels.get("document.minutes.secretary"), m.secretary());
        pdf.field(labels.get("document.minutes.supervisor"), m.frontSupervisor());
        pdf.field(labels.get("document.minutes.attendance"),
                labels.get("document.minutes.attendance-value", String.valueOf(m.present()), String.valueOf(m.invited())));
        pdf.heading(labels.get("document.minutes.results"));
        pdf.table(columns(labels), rows(m, labels), TABLE_FONT);
        pdf.heading(labels.get("document.minutes.conclusion"));
        pdf.paragraph(labels.get("document.minutes.passed", String.valueOf(m.passedCount()),
                String.valueOf(m.households().size())));
        pdf.paragraph(labels.get("document.minutes.copies"));
        String note = labels.get("document.signer.note");
        pdf.signatures(List.of(new Signature(List.of(labels.get("document.minutes.secretary-title")), note, m.secretary()),
                new Signature(List.of(labels.get("document.minutes.chair-title")), note, m.chair())));
        return pdf.finish();
    }

    private static List<PdfColumn> columns(DocumentLabels labels) {
        return List.of(new PdfColumn(labels.get("document.column.no"), 0.6f, PdfColumn.Align.CENTER),
                new PdfColumn(labels.get("document.column.household-code"), 2.2f, PdfColumn.Align.LEFT),
                new PdfColumn(labels.get("document.column.head"), 3.2f, PdfColumn.Align.LEFT),
                new PdfColumn(labels.get("document.column.proposed"), 2.6f, PdfColumn.Align.LEFT),
                new PdfColumn(labels.get("document.column.agree"), 1.2f, PdfColumn.Align.RIGHT),
                new PdfColumn(labels.get("document.column.disagree"), 1.3f, PdfColumn.Align.RIGHT),
                new PdfColumn(labels.get("document.column.agreement"), 1.4f, PdfColumn.Align.RIGHT),
                new PdfColumn(labels.get("document.column.result"), 1.7f, PdfColumn.Align.CENTER));
    }

    private static List<List<String>> rows(MeetingMinutes m, DocumentLabels labels) {
        List<List<String>> rows = new ArrayList<>();
        int no = 1;
        for (DiscussedHousehold h : m.households()) {
            rows.add(List.of(String.valueOf(no++), h.householdCode(), h.head(), h.proposedStatus(),
                    String.valueOf(h.agree()), String.valueOf(h.disagree()),
                    Percent.format(h.agreementPercent(m.present()), labels.locale()),
                    labels.get(h.passed(m.present()) ? "document.minutes.result.passed" : "document.minutes.result.failed")));
        }
        return rows;
    }
}
