package vn.giamngheo.document;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * An A4 document laid out like a Vietnamese administrative document (Decree 30/2020/NĐ-CP annex I):
 * margins top and bottom 20 mm, left 30 mm, right 15 mm; the issuing body on the left and the national
 * motto on the right; number, place and date; title; text; tables whose header row repeats on every page;
 * signature blocks; page numbers from the second page. Every string is written in composed Unicode.
 * Several documents may follow one another in one file ({@link #nextDocument()}).
 */
public final class OfficialPdf {

    private static final float MM = Utilities.millimetersToPoints(1);
    private static final float SIGNING_SPACE = 46f;

    private final DocumentLabels labels;
    private final Document document;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PageNumbers pageNumbers = new PageNumbers();
    private final PdfWriter writer;
    private boolean finished;

    private OfficialPdf(DocumentLabels labels, String title, Rectangle page) {
        this.labels = labels;
        this.document = new Document(page, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
        this.writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(pageNumbers);
        document.addTitle(Text.nfc(title));
        document.addCreator("giamngheo");
        document.open();
    }

    /** A new document; {@code title} goes into the file's properties. */
    public static OfficialPdf create(DocumentLabels labels, String title) {
        return new OfficialPdf(labels, title, PageSize.A4);
    }

    /** A new document on A4 landscape (wide tables: plan target tables, cost tables). */
    public static OfficialPdf createLandscape(DocumentLabels labels, String title) {
        return new OfficialPdf(labels, title, PageSize.A4.rotate());
    }

    public DocumentLabels labels() {
        return labels;
    }

    /**
     * The heading: issuing body (upper levels first, the issuing body itself last, in bold) and the national
     * motto side by side, then the number line and the place-and-date line. Blank lines are left out.
     */
    public OfficialPdf header(List<String> issuerLines, String numberLine, String placeDateLine) {
        PdfPTable table = new PdfPTable(new float[] {0.40f, 0.60f});
        table.setWidthPercentage(100);
        PdfPCell issuer = plainCell(Element.ALIGN_CENTER);
        for (int i = 0; i < issuerLines.size(); i++) {
            boolean own = i == issuerLines.size() - 1;
            issuer.addElement(centered(Text.upper(issuerLines.get(i)), own ? PdfFonts.bold(11) : PdfFonts.regular(11)));
        }
        issuer.addElement(rule(35));
        PdfPCell motto = plainCell(Element.ALIGN_CENTER);
        motto.addElement(centered(labels.get("document.motto.country"), PdfFonts.bold(11)));
        motto.addElement(centered(labels.get("document.motto.words"), PdfFonts.bold(12)));
        motto.addElement(rule(62));
        table.addCell(issuer);
        table.addCell(motto);
        if (!Text.isBlank(numberLine) || !Text.isBlank(placeDateLine)) {
            PdfPCell number = plainCell(Element.ALIGN_CENTER);
            number.addElement(centered(Text.nfc(numberLine), PdfFonts.regular(PdfFonts.BODY)));
            PdfPCell placeDate = plainCell(Element.ALIGN_CENTER);
            placeDate.addElement(centered(Text.nfc(placeDateLine), PdfFonts.italic(PdfFonts.BODY)));
            table.addCell(number);
            table.addCell(placeDate);
        }
        table.setSpacingAfter(8);
        return add(table);
    }

    /** The title in bold capitals, centred, with optional lines under it in bold. */
    public OfficialPdf title(String title, String... subtitles) {
        Paragraph p = centered(Text.upper(title), PdfFonts.bold(PdfFonts.TITLE));
        p.setSpacingBefore(6);
        add(p);
        for (String s : subtitles) {
            if (!Text.isBlank(s)) {
                add(centered(Text.nfc(s), PdfFonts.bold(PdfFonts.BODY)));
            }
        }
        return add(new Paragraph(" ", PdfFonts.regular(6)));
    }

    /** A section heading in bold, left aligned. */
    public OfficialPdf heading(String text) {
        Paragraph p = new Paragraph(Text.nfc(text), PdfFonts.bold(PdfFonts.BODY));
        p.setSpacingBefore(8);
        p.setSpacingAfter(3);
        return add(p);
    }

    /** A justified paragraph with a first-line indent. */
    public OfficialPdf paragraph(String text) {
        Paragraph p = new Paragraph(Text.nfc(text), PdfFonts.regular(PdfFonts.BODY));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setFirstLineIndent(10 * MM);
        p.setSpacingAfter(3);
        return add(p);
    }

    /** "Label: value", the value in bold (the data the form was filled in with). */
    public OfficialPdf field(String label, String value) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(Text.nfc(label) + ": ", PdfFonts.regular(PdfFonts.BODY)));
        p.add(new Chunk(Text.nfc(value), PdfFonts.bold(PdfFonts.BODY)));
        p.setIndentationLeft(10 * MM);
        p.setSpacingAfter(2);
        return add(p);
    }

    /** A bordered table; its header row repeats at the top of every page it runs onto. */
    public OfficialPdf table(List<PdfColumn> columns, List<List<String>> rows) {
        return table(columns, rows, PdfFonts.SMALL);
    }

    /** A bordered table in the given font size (smaller to keep a long list on one page). */
    public OfficialPdf table(List<PdfColumn> columns, List<List<String>> rows, float fontSize) {
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).width();
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        table.setSpacingAfter(4);
        for (PdfColumn c : columns) {
            table.addCell(cell(c.header(), PdfFonts.bold(fontSize), Element.ALIGN_CENTER));
        }
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, table has " + columns.size() + " columns");
            }
            for (int i = 0; i < row.size(); i++) {
                table.addCell(cell(Text.nfc(row.get(i)), PdfFonts.regular(fontSize), alignment(columns.get(i).align())));
            }
        }
        return add(table);
    }

    /**
     * A bordered table with two header rows, as printed tables have them: the groups on the first row (a group of
     * one column without a label lets its column's header span both rows), the column headers under them; then a
     * row of column numbers (1), (2)… when {@code numbered}; the last {@code boldRows} rows (totals) in bold.
     * The header rows repeat on every page.
     */
    public OfficialPdf groupedTable(List<PdfColumn> columns, List<PdfColumnGroup> groups, List<List<String>> rows,
                                    float fontSize, boolean numbered, int boldRows) {
        int spanned = groups.stream().mapToInt(PdfColumnGroup::span).sum();
        if (spanned != columns.size()) {
            throw new IllegalArgumentException("groups span " + spanned + " columns, table has " + columns.size());
        }
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).width();
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(numbered ? 3 : 2);
        table.setSpacingBefore(4);
        table.setSpacingAfter(4);
        int col = 0;
        for (PdfColumnGroup g : groups) {
            if (g.span() == 1 && Text.isBlank(g.label())) {
                PdfPCell cell = cell(Text.nfc(columns.get(col).header()), PdfFonts.bold(fontSize), Element.ALIGN_CENTER);
                cell.setRowspan(2);
                table.addCell(cell);
            } else {
                PdfPCell cell = cell(Text.nfc(g.label()), PdfFonts.bold(fontSize), Element.ALIGN_CENTER);
                cell.setColspan(g.span());
                table.addCell(cell);
            }
            col += g.span();
        }
        col = 0;
        for (PdfColumnGroup g : groups) {
            if (!(g.span() == 1 && Text.isBlank(g.label()))) {
                for (int i = col; i < col + g.span(); i++) {
                    table.addCell(cell(Text.nfc(columns.get(i).header()), PdfFonts.bold(fontSize), Element.ALIGN_CENTER));
                }
            }
            col += g.span();
        }
        if (numbered) {
            for (int i = 0; i < columns.size(); i++) {
                table.addCell(cell("(" + (i + 1) + ")", PdfFonts.italic(fontSize), Element.ALIGN_CENTER));
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, table has " + columns.size() + " columns");
            }
            boolean bold = r >= rows.size() - boldRows;
            for (int i = 0; i < row.size(); i++) {
                table.addCell(cell(Text.nfc(row.get(i)), bold ? PdfFonts.bold(fontSize) : PdfFonts.regular(fontSize),
                        alignment(columns.get(i).align())));
            }
        }
        return add(table);
    }

    /** Signature blocks side by side (one block sits on the right half), kept on one page. */
    public OfficialPdf signatures(List<Signature> signatures) {
        return signatures("", signatures);
    }

    /** Signature blocks with the place-and-date line in italics above the last (right-hand) one. */
    public OfficialPdf signatures(String placeDateLine, List<Signature> signatures) {
        return add(signatureTable(placeDateLine, signatures));
    }

    /** The height the signature blocks will take, spacing included, in points. */
    float signaturesHeight(List<Signature> signatures) {
        PdfPTable table = signatureTable("", signatures);
        table.setTotalWidth(document.right() - document.left());
        return table.getTotalHeight() + table.spacingBefore();
    }

    private PdfPTable signatureTable(String placeDateLine, List<Signature> signatures) {
        int columns = Math.max(2, signatures.size());
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setKeepTogether(true);
        table.setSpacingBefore(10);
        if (signatures.size() == 1) {
            table.addCell(plainCell(Element.ALIGN_CENTER));
        }
        for (Signature s : signatures) {
            PdfPCell cell = plainCell(Element.ALIGN_CENTER);
            if (s == signatures.get(signatures.size() - 1) && !Text.isBlank(placeDateLine)) {
                cell.addElement(centered(Text.nfc(placeDateLine), PdfFonts.italic(PdfFonts.BODY)));
            }
            s.titleLines().forEach(line -> cell.addElement(centered(Text.upper(line), PdfFonts.bold(PdfFonts.BODY))));
            if (!s.note().isEmpty()) {
                cell.addElement(centered(s.note(), PdfFonts.italic(PdfFonts.SMALL)));
            }
            Paragraph space = new Paragraph(" ", PdfFonts.regular(PdfFonts.BODY));
            space.setLeading(SIGNING_SPACE);
            cell.addElement(space);
            cell.addElement(centered(s.name(), PdfFonts.bold(PdfFonts.BODY)));
            table.addCell(cell);
        }
        return table;
    }

    /** Starts the next document of a batch on a new page, with its own page numbering. */
    public OfficialPdf nextDocument() {
        pageNumbers.restart();
        document.newPage();
        return this;
    }

    /** Any element built by a form class (e.g. the certificate's stamp boxes). */
    OfficialPdf add(Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot lay out the document", e);
        }
        return this;
    }

    /** Height left on the current page above the bottom margin, in points. */
    float remainingHeight() {
        return writer.getVerticalPosition(true) - document.bottom();
    }

    /** Closes the document and returns the PDF file. */
    public byte[] finish() {
        if (!finished) {
            document.close();
            finished = true;
        }
        return out.toByteArray();
    }

    static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(2);
        cell.setPaddingBottom(4);
        return cell;
    }

    static PdfPCell plainCell(int alignment) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static Paragraph rule(float percentOfWidth) {
        Paragraph p = new Paragraph(new Chunk(new LineSeparator(0.6f, percentOfWidth, Color.BLACK, Element.ALIGN_CENTER, 0)));
        p.setLeading(8);
        return p;
    }

    private static int alignment(PdfColumn.Align align) {
        return switch (align) {
            case LEFT -> Element.ALIGN_LEFT;
            case CENTER -> Element.ALIGN_CENTER;
            case RIGHT -> Element.ALIGN_RIGHT;
        };
    }
}
