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
import java.util.ArrayList;
import java.util.List;

/**
 * An A4 document laid out like a Vietnamese administrative document (Decree 30/2020/NĐ-CP annex I), the one
 * layout of every PDF the application issues: Liberation Serif (metric-compatible with Times New Roman, see
 * docs/adr/0010-document-font.md); portrait margins top and bottom 20 mm, left 30 mm, right 15 mm, and on
 * landscape pages the same margins turned with the sheet (the 30 mm binding edge at the top, 15 mm at the
 * bottom, 20 mm left and right); the issuing body (12–13 pt, the body itself in bold, a short rule under it)
 * beside the national motto (12–13 pt bold capitals, then 13–14 pt bold with a rule as long as the words); the
 * number and symbol and, in italics, the place and date (13 pt); the title (14 pt bold); body text in 13 pt;
 * tables whose header rows repeat on every page, grouped headers as merged cells, section rows across the whole
 * table and column widths from the font's metrics; the recipients ("Nơi nhận:", 12 pt bold italic, items in
 * 11 pt) beside the signature block; page numbers from the second page. Every string is written in composed
 * Unicode. Several documents may follow one another in one file ({@link #nextDocument()}).
 *
 * <p>Language: the Vietnamese document is the official form. The English one is a translation for reading: the
 * fixed wording (motto, labels, headers) is translated, while the names of units, people and legal documents and
 * the symbols of number lines ("…/QĐ-UBND", "…/BC-UBND") stay as they are issued. Forms that exist only in
 * Vietnamese (the budget cost table) are printed in Vietnamese in both languages.
 */
public final class OfficialPdf {

    private static final float MM = Utilities.millimetersToPoints(1);
    private static final float SIGNING_SPACE = 46f;
    /** Rows of a table laid out at a time (see {@link #table(PdfTable, ColumnWidths.Layout)}). */
    static final int LARGE_TABLE_ROWS = 200;

    private final DocumentLabels labels;
    private final Document document;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PageNumbers pageNumbers = new PageNumbers();
    private final PdfWriter writer;
    private boolean finished;

    private OfficialPdf(DocumentLabels labels, String title, Rectangle page) {
        this.labels = labels;
        this.document = page.getWidth() > page.getHeight()
                ? new Document(page, 20 * MM, 20 * MM, 30 * MM, 15 * MM)
                : new Document(page, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
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

    /** A new document on A4 landscape (wide tables: reports, plan target tables, cost tables). */
    public static OfficialPdf createLandscape(DocumentLabels labels, String title) {
        return new OfficialPdf(labels, title, PageSize.A4.rotate());
    }

    public DocumentLabels labels() {
        return labels;
    }

    /**
     * The heading: issuing body (upper levels first, the issuing body itself last, in bold, a rule of 40 % of its
     * width under it) and the national motto side by side (the second line ruled over its whole width), then the
     * number line under the issuing body and the place-and-date line in italics under the motto. Blank lines are
     * left out.
     */
    public OfficialPdf header(List<String> issuerLines, String numberLine, String placeDateLine) {
        float available = document.right() - document.left();
        String country = labels.get("document.motto.country");
        String words = labels.get("document.motto.words");
        float mottoNeed = Math.max(PdfFonts.width(Text.upper(country), true, PdfFonts.HEADING),
                PdfFonts.width(words, true, PdfFonts.MOTTO)) + 2 * ColumnWidths.PADDING;
        float issuerNeed = 0;
        for (String line : issuerLines) {
            issuerNeed = Math.max(issuerNeed, PdfFonts.width(Text.upper(line), true, PdfFonts.HEADING) + 2 * ColumnWidths.PADDING);
        }
        // the motto about 56 % of the width as on the decree's forms, less where a long issuing body needs the room
        float mottoWidth = Math.min(available * 0.7f, Math.max(mottoNeed, Math.min(available * 0.56f, available - issuerNeed)));
        float issuerWidth = available - mottoWidth;
        PdfPTable table = new PdfPTable(2);
        table.setTotalWidth(new float[] {issuerWidth, mottoWidth});
        table.setLockedWidth(true);
        PdfPCell issuer = plainCell(Element.ALIGN_CENTER);
        for (int i = 0; i < issuerLines.size(); i++) {
            boolean own = i == issuerLines.size() - 1;
            String line = Text.upper(issuerLines.get(i));
            issuer.addElement(centered(line, own ? PdfFonts.bold(PdfFonts.HEADING) : PdfFonts.regular(PdfFonts.HEADING)));
            if (own) {
                issuer.addElement(rule(0.4f * Math.min(PdfFonts.width(line, true, PdfFonts.HEADING), issuerWidth), issuerWidth));
            }
        }
        PdfPCell motto = plainCell(Element.ALIGN_CENTER);
        motto.addElement(centered(Text.upper(country), PdfFonts.bold(PdfFonts.HEADING)));
        motto.addElement(centered(words, PdfFonts.bold(PdfFonts.MOTTO)));
        motto.addElement(rule(PdfFonts.width(words, true, PdfFonts.MOTTO), mottoWidth));
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

    /**
     * A heading over a table: on a new page when less than {@code room} points are left on this one, so that a
     * heading never stays alone at the foot of a page.
     */
    public OfficialPdf tableHeading(String text, float room) {
        if (remainingHeight() < room) {
            document.newPage();
        }
        return heading(text);
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
        Paragraph p = new Paragraph("", PdfFonts.regular(PdfFonts.BODY));
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

    /** A bordered table in the given font size (or smaller where its words would not fit otherwise). */
    public OfficialPdf table(List<PdfColumn> columns, List<List<String>> rows, float fontSize) {
        return table(new PdfTable(columns, List.of(), rows.stream().map(PdfRow::of).toList(), false), fontSize);
    }

    /**
     * A bordered table with two header rows, as printed tables have them: the groups on the first row (a group of
     * one column without a label lets its column's header span both rows), the column headers under them; then a
     * row of column numbers (1), (2)… when {@code numbered}; the last {@code boldRows} rows (totals) in bold.
     * The header rows repeat on every page.
     */
    public OfficialPdf groupedTable(List<PdfColumn> columns, List<PdfColumnGroup> groups, List<List<String>> rows,
                                    float fontSize, boolean numbered, int boldRows) {
        List<PdfRow> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            lines.add(r >= rows.size() - boldRows ? PdfRow.bold(rows.get(r)) : PdfRow.of(rows.get(r)));
        }
        return table(new PdfTable(columns, groups, lines, numbered), fontSize);
    }

    /**
     * A bordered table as printed: merged group cells over their sub-columns, the header rows (and the row of
     * column numbers) repeated on every page, section rows as one cell across the table, totals in bold with their
     * label merged over the label columns; column widths from the font's metrics ({@link ColumnWidths}), in
     * {@code fontSize} or the largest smaller size in which no word has to be split.
     */
    public OfficialPdf table(PdfTable t, float fontSize) {
        return table(t, layout(t, fontSize));
    }

    /**
     * The table in a layout chosen beforehand, e.g. one layout for several tables of the same columns so that they
     * line up (the annex's four lists).
     */
    public OfficialPdf table(PdfTable t, ColumnWidths.Layout layout) {
        return table(t, layout, LARGE_TABLE_ROWS);
    }

    /** The table laid out {@code rowsAtATime} rows at a time when it is longer (the same pages as all at once). */
    OfficialPdf table(PdfTable t, ColumnWidths.Layout layout, int rowsAtATime) {
        if (layout.widths().length != t.columns().size()) {
            throw new IllegalArgumentException("layout of " + layout.widths().length + " columns for a table of "
                    + t.columns().size());
        }
        float size = layout.fontSize();
        List<PdfColumn> columns = t.columns();
        PdfPTable table = new PdfPTable(columns.size());
        try {
            table.setTotalWidth(layout.widths());
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot lay out the table", e);
        }
        table.setLockedWidth(true);
        boolean grouped = t.grouped();
        table.setHeaderRows((grouped ? 2 : 1) + (t.numbered() ? 1 : 0));
        table.setSpacingBefore(4);
        table.setSpacingAfter(4);
        if (grouped) {
            int col = 0;
            for (PdfColumnGroup g : t.groups()) {
                if (g.span() == 1 && Text.isBlank(g.label())) {
                    PdfPCell cell = cell(columns.get(col).header(), PdfFonts.bold(size), Element.ALIGN_CENTER);
                    cell.setRowspan(2);
                    table.addCell(cell);
                } else {
                    PdfPCell cell = cell(Text.nfc(g.label()), PdfFonts.bold(size), Element.ALIGN_CENTER);
                    cell.setColspan(g.span());
                    table.addCell(cell);
                }
                col += g.span();
            }
            col = 0;
            for (PdfColumnGroup g : t.groups()) {
                if (!(g.span() == 1 && Text.isBlank(g.label()))) {
                    for (int i = col; i < col + g.span(); i++) {
                        table.addCell(cell(columns.get(i).header(), PdfFonts.bold(size), Element.ALIGN_CENTER));
                    }
                }
                col += g.span();
            }
        } else {
            for (PdfColumn c : columns) {
                table.addCell(cell(c.header(), PdfFonts.bold(size), Element.ALIGN_CENTER));
            }
        }
        if (t.numbered()) {
            for (int i = 0; i < columns.size(); i++) {
                table.addCell(cell("(" + (i + 1) + ")", PdfFonts.italic(size), Element.ALIGN_CENTER));
            }
        }
        // a long table (a commune's annex lists thousands of households) is laid out a part at a time: OpenPDF lays
        // out a whole table's rows again for every page it fills, so one add of thousands of rows grows as n²
        boolean large = t.rows().size() > rowsAtATime;
        table.setComplete(!large);
        int added = 0;
        for (PdfRow row : t.rows()) {
            if (large && ++added % rowsAtATime == 0) {
                table.setSpacingAfter(0); // the parts join without a gap: space before the first, after the last
                add(table);
                table.setSpacingBefore(0);
            }
            Font font = row.bold() ? PdfFonts.bold(size) : PdfFonts.regular(size);
            if (row.kind() == PdfRow.Kind.SECTION) {
                PdfPCell cell = cell(row.cells().get(0), font, Element.ALIGN_LEFT);
                cell.setColspan(columns.size());
                table.addCell(cell);
                continue;
            }
            int first = 0;
            if (row.labelSpan() > 1) {
                PdfPCell label = cell(row.label(), font, Element.ALIGN_CENTER);
                label.setColspan(row.labelSpan());
                table.addCell(label);
                first = row.labelSpan();
            }
            for (int i = first; i < columns.size(); i++) {
                table.addCell(cell(row.cells().get(i), font, alignment(columns.get(i).align())));
            }
        }
        table.setComplete(true);
        table.setSpacingAfter(4);
        return add(table);
    }

    /** The font size and column widths {@link #table(PdfTable, float)} will use on this document's pages. */
    public ColumnWidths.Layout layout(PdfTable t, float fontSize) {
        return ColumnWidths.fit(t, document.right() - document.left(), fontSize);
    }

    /** The width between the margins, in points. */
    public float textWidth() {
        return document.right() - document.left();
    }

    /** Signature blocks side by side (one block sits on the right half), kept on one page. */
    public OfficialPdf signatures(List<Signature> signatures) {
        return signatures("", signatures);
    }

    /** Signature blocks with the place-and-date line in italics above the last (right-hand) one. */
    public OfficialPdf signatures(String placeDateLine, List<Signature> signatures) {
        return add(signatureTable(placeDateLine, List.of(), signatures));
    }

    /**
     * One signature block on the right and the recipients on the left ("Nơi nhận:" in 12 pt bold italic, each
     * recipient on its line in 11 pt, Decree 30/2020 annex I); without recipients the left half stays empty.
     */
    public OfficialPdf signatures(String placeDateLine, List<String> recipients, Signature signature) {
        return add(signatureTable(placeDateLine, recipients, List.of(signature)));
    }

    /** The height the signature blocks will take, spacing included, in points. */
    float signaturesHeight(List<Signature> signatures) {
        PdfPTable table = signatureTable("", List.of(), signatures);
        table.setTotalWidth(document.right() - document.left());
        return table.getTotalHeight() + table.spacingBefore();
    }

    private PdfPTable signatureTable(String placeDateLine, List<String> recipients, List<Signature> signatures) {
        int columns = Math.max(2, signatures.size());
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setKeepTogether(true);
        table.setSpacingBefore(10);
        if (signatures.size() == 1) {
            PdfPCell left = plainCell(Element.ALIGN_LEFT);
            if (!recipients.isEmpty()) {
                Paragraph label = new Paragraph(labels.get("document.recipients"), PdfFonts.boldItalic(PdfFonts.RECIPIENTS_LABEL));
                if (!Text.isBlank(placeDateLine)) {
                    label.setSpacingBefore(PdfFonts.BODY * 1.2f);
                }
                left.addElement(label);
                for (String r : recipients) {
                    left.addElement(new Paragraph("- " + Text.nfc(r), PdfFonts.regular(PdfFonts.RECIPIENTS)));
                }
            }
            table.addCell(left);
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

    /** A centred horizontal rule {@code length} points long in a cell {@code cellWidth} points wide. */
    private static Paragraph rule(float length, float cellWidth) {
        float percent = Math.min(100f, 100f * length / Math.max(1f, cellWidth - 4));
        Chunk line = new Chunk(new LineSeparator(0.6f, percent, Color.BLACK, Element.ALIGN_CENTER, 0));
        line.setFont(PdfFonts.regular(1));
        Paragraph p = new Paragraph("", PdfFonts.regular(1));
        p.add(line);
        p.setLeading(9);
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
