package vn.giamngheo.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.giamngheo.format.Formats;

/**
 * Minutes of the village meeting as a Word file, with the same wording as {@link MeetingMinutesPdf}: who chaired,
 * recorded and supervised, attendance, the vote on each household with its share of agreement, the conclusion, and
 * the signatures of the secretary and the chair.
 */
public final class MeetingMinutesDocx {

    private MeetingMinutesDocx() {
    }

    public static byte[] render(MeetingMinutes m, Locale locale) {
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        Formats formats = Formats.of(labels.locale());
        String title = labels.get("document.minutes.title", m.village());
        OfficialDocx docx = OfficialDocx.create(labels, title);
        docx.header(List.of(labels.get("document.issuer", m.commune().commune()), m.village()), "",
                PlaceDate.line(labels, m.village(), m.date()));
        docx.title(title, labels.get("document.minutes.subject", formats.year(m.listYear())));
        docx.paragraph(labels.get("document.minutes.opening", PlaceDate.day(m.date()), PlaceDate.month(m.date()),
                formats.year(m.date().getYear()), m.venue(), m.commune().address(m.village()), formats.year(m.listYear())));
        docx.heading(labels.get("document.minutes.attendees"));
        docx.field(labels.get("document.minutes.chair"), m.chair());
        docx.field(labels.get("document.minutes.secretary"), m.secretary());
        docx.field(labels.get("document.minutes.supervisor"), m.frontSupervisor());
        docx.field(labels.get("document.minutes.attendance"),
                labels.get("document.minutes.attendance-value", formats.count(m.present()), formats.count(m.invited())));
        docx.heading(labels.get("document.minutes.results"));
        docx.table(columns(labels), rows(m, labels, formats), OfficialDocx.SMALL - 1);
        docx.heading(labels.get("document.minutes.conclusion"));
        docx.paragraph(labels.get("document.minutes.passed", formats.count(m.passedCount()),
                formats.count(m.households().size())));
        docx.paragraph(labels.get("document.minutes.copies"));
        String note = labels.get("document.signer.note");
        docx.signatures(List.of(new Signature(List.of(labels.get("document.minutes.secretary-title")), note, m.secretary()),
                new Signature(List.of(labels.get("document.minutes.chair-title")), note, m.chair())));
        return docx.finish();
    }

    private static List<DocxColumn> columns(DocumentLabels labels) {
        return List.of(DocxColumn.of(labels.get("document.column.no"), 0.6, DocxColumn.Align.CENTER),
                DocxColumn.of(labels.get("document.column.household-code"), 2.2, DocxColumn.Align.LEFT),
                DocxColumn.of(labels.get("document.column.head"), 3.2, DocxColumn.Align.LEFT),
                DocxColumn.of(labels.get("document.column.proposed"), 2.6, DocxColumn.Align.LEFT),
                DocxColumn.of(labels.get("document.column.agree"), 1.2, DocxColumn.Align.RIGHT),
                DocxColumn.of(labels.get("document.column.disagree"), 1.3, DocxColumn.Align.RIGHT),
                DocxColumn.of(labels.get("document.column.agreement"), 1.4, DocxColumn.Align.RIGHT),
                DocxColumn.of(labels.get("document.column.result"), 1.7, DocxColumn.Align.CENTER));
    }

    private static List<List<String>> rows(MeetingMinutes m, DocumentLabels labels, Formats formats) {
        List<List<String>> rows = new ArrayList<>();
        int no = 1;
        for (DiscussedHousehold h : m.households()) {
            rows.add(List.of(formats.count(no++), h.householdCode(), h.head(), h.proposedStatus(),
                    formats.count(h.agree()), formats.count(h.disagree()), formats.rate(h.agreementPercent(m.present()), 2),
                    labels.get(h.passed(m.present()) ? "document.minutes.result.passed" : "document.minutes.result.failed")));
        }
        return rows;
    }
}
