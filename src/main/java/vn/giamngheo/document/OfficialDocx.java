package vn.giamngheo.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;
import vn.giamngheo.format.Formats;

/**
 * A Word document (DOCX, Apache POI XWPF) laid out like a Vietnamese administrative document, Decree 30/2020/NĐ-CP
 * annex I, for officials who edit before they sign: A4 portrait or landscape; margins top and bottom 20 mm, left
 * 30 mm, right 15 mm; Times New Roman declared as the document's default (Latin, East-Asian and complex-script
 * names) and on every run; body 13 pt. The heading is a two-column table without borders: the issuing authority
 * (levels above in regular, the authority itself in bold, a short rule under it) and the national motto block
 * (the motto's words underlined), then the number ("Số: 15/QĐ-UBND") and the place and date in italic. Then the
 * title, text, tables with merged group headers, section rows and the header rows repeated on every page, the
 * recipients ("Nơi nhận:") and the signature blocks. Page numbers at the top from the second page of each
 * document; several documents may follow one another in one file ({@link #nextDocument()}), each in its own
 * section with its own numbering. The PDF counterpart is {@link OfficialPdf}; the content classes write the
 * same wording to both.
 */
public final class OfficialDocx {

    public static final String FONT = "Times New Roman";
    /** Sizes in points: Decree 30 asks 13–14 for the text, 12–13 for the authority and the motto's first line. */
    public static final double BODY = 13;
    public static final double TITLE = 14;
    public static final double ISSUER = 12.5;
    public static final double SMALL = 12;
    public static final double RECIPIENTS = 11;
    /** The default size of tables: a wide statistical table is set smaller so that it stays readable on A4. */
    public static final double TABLE = 12;

    /** Twentieths of a point per millimetre. */
    private static final double MM = 56.6929;
    private static final int A4_SHORT = 11906;
    private static final int A4_LONG = 16838;
    private static final int TOP = mm(20);
    private static final int BOTTOM = mm(20);
    private static final int LEFT = mm(30);
    private static final int RIGHT = mm(15);
    /** Points of white space above the signer's name, room to sign and seal. */
    private static final int SIGNING_SPACE = 60;
    /** Left and right padding of table cells, twentieths of a point. */
    private static final int CELL_MARGIN = 70;

    private final DocumentLabels labels;
    private final Formats formats;
    private final XWPFDocument document = new XWPFDocument();
    private final int textWidth;
    /**
     * The body's section properties (A4, margins, page numbers), kept from {@link #page} so that each document of a
     * batch copies them without looking them up again: XMLBeans finds the body's {@code sectPr} by scanning every
     * element of the body, which made a batch of n certificates cost n² (issue 26 point 5).
     */
    private CTSectPr section;
    private byte[] written;

    private OfficialDocx(DocumentLabels labels, String title, boolean landscape) {
        this.labels = labels;
        this.formats = Formats.of(labels.locale());
        this.textWidth = (landscape ? A4_LONG : A4_SHORT) - LEFT - RIGHT;
        defaults(labels);
        page(landscape);
        document.getProperties().getCoreProperties().setTitle(Text.nfc(title));
        document.getProperties().getCoreProperties().setCreator("giamngheo");
    }

    /** A new document on A4 portrait; {@code title} goes into the file's properties. */
    public static OfficialDocx create(DocumentLabels labels, String title) {
        return new OfficialDocx(labels, title, false);
    }

    /** A new document on A4 landscape (wide tables: reports, plan target tables, cost tables). */
    public static OfficialDocx createLandscape(DocumentLabels labels, String title) {
        return new OfficialDocx(labels, title, true);
    }

    public DocumentLabels labels() {
        return labels;
    }

    /** Numbers and dates in the document's language. */
    public Formats formats() {
        return formats;
    }

    /**
     * The heading: issuing authority (upper levels first, the authority itself last, in bold) and the national motto
     * side by side; then the number line under the authority and the place-and-date line in italic under the motto.
     * Blank lines are left out.
     */
    public OfficialDocx header(List<String> issuerLines, String numberLine, String placeDateLine) {
        int issuerWidth = textWidth * 2 / 5;
        XWPFTable table = table(new int[] {issuerWidth, textWidth - issuerWidth}, false);
        XWPFTableRow row = newRow(table);
        XWPFTableCell issuer = cell(row, issuerWidth);
        String own = "";
        for (int i = 0; i < issuerLines.size(); i++) {
            boolean last = i == issuerLines.size() - 1;
            String line = Text.upper(issuerLines.get(i));
            XWPFParagraph p = i == 0 ? issuer.getParagraphs().get(0) : issuer.addParagraph();
            text(centre(p), line, ISSUER, last, false);
            if (last) {
                own = line;
            }
        }
        rule(issuer.addParagraph(), issuerWidth, Math.max(mm(15), estimatedWidth(own, ISSUER) / 2));
        XWPFTableCell motto = cell(row, textWidth - issuerWidth);
        text(centre(motto.getParagraphs().get(0)), labels.get("document.motto.country"), ISSUER, true, false);
        XWPFRun words = text(centre(motto.addParagraph()), labels.get("document.motto.words"), BODY, true, false);
        words.setUnderline(UnderlinePatterns.SINGLE);
        if (!Text.isBlank(numberLine) || !Text.isBlank(placeDateLine)) {
            XWPFTableRow second = newRow(table);
            XWPFParagraph number = centre(cell(second, issuerWidth).getParagraphs().get(0));
            number.setSpacingBefore(80);
            text(number, Text.nfc(numberLine), BODY, false, false);
            XWPFParagraph place = centre(cell(second, textWidth - issuerWidth).getParagraphs().get(0));
            place.setSpacingBefore(80);
            text(place, Text.nfc(placeDateLine), BODY, false, true);
        }
        return space(6);
    }

    /** The title in bold capitals, centred, with optional lines under it in bold. */
    public OfficialDocx title(String title, String... subtitles) {
        XWPFParagraph p = centre(document.createParagraph());
        p.setSpacingBefore(240);
        p.setKeepNext(true);
        text(p, Text.upper(title), TITLE, true, false);
        for (String s : subtitles) {
            if (!Text.isBlank(s)) {
                XWPFParagraph sub = centre(document.createParagraph());
                sub.setKeepNext(true);
                text(sub, Text.nfc(s), TITLE, true, false);
            }
        }
        return space(6);
    }

    /** A centred line under the title, in italic ("(Kèm theo Quyết định số …)"). */
    public OfficialDocx centredItalic(String text) {
        XWPFParagraph p = centre(document.createParagraph());
        p.setSpacingAfter(120);
        text(p, Text.nfc(text), BODY, false, true);
        return this;
    }

    /** A section heading in bold, left aligned, kept with what follows. */
    public OfficialDocx heading(String text) {
        XWPFParagraph p = document.createParagraph();
        p.setSpacingBefore(160);
        p.setSpacingAfter(60);
        p.setKeepNext(true);
        text(p, Text.nfc(text), BODY, true, false);
        return this;
    }

    /** A justified paragraph with a first-line indent of 1 cm. */
    public OfficialDocx paragraph(String text) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(mm(10));
        p.setSpacingAfter(60);
        text(p, Text.nfc(text), BODY, false, false);
        return this;
    }

    /** A note in italic, in the tables' size ("Ghi chú: …"). */
    public OfficialDocx note(String text) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setSpacingAfter(40);
        text(p, Text.nfc(text), SMALL, false, true);
        return this;
    }

    /** "Label: value", the value in bold (the data the form was filled in with). */
    public OfficialDocx field(String label, String value) {
        XWPFParagraph p = document.createParagraph();
        p.setIndentationLeft(mm(10));
        p.setSpacingAfter(40);
        text(p, Text.nfc(label) + ": ", BODY, false, false);
        text(p, Text.nfc(value), BODY, true, false);
        return this;
    }

    /** A bordered table with one header row (repeated on every page) in the given size. */
    public OfficialDocx table(List<DocxColumn> columns, List<List<String>> rows, double fontSize) {
        return table(columns, rows.stream().map(DocxRow::row).toList(), fontSize, false);
    }

    /**
     * A bordered table as printed tables have them: adjacent columns of one group under a merged header cell (the
     * headers of columns without a group span both header rows), then a row of column numbers (1), (2)… when
     * {@code numbered}; every header row repeats at the top of each page. Section rows span the whole table in bold,
     * totals are in bold.
     */
    public OfficialDocx table(List<DocxColumn> columns, List<DocxRow> rows, double fontSize, boolean numbered) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs columns");
        }
        int[] widths = widths(columns, rows, fontSize);
        XWPFTable table = table(widths, true);
        boolean grouped = columns.stream().anyMatch(c -> c.group() != null);
        if (grouped) {
            XWPFTableRow top = headerRow(table);
            XWPFTableRow bottom = headerRow(table);
            int i = 0;
            while (i < columns.size()) {
                String group = columns.get(i).group();
                int end = i + 1;
                while (group != null && end < columns.size() && group.equals(columns.get(end).group())) {
                    end++;
                }
                if (group == null) {
                    XWPFTableCell upper = headerCell(top, widths[i], columns.get(i).header(), fontSize);
                    tcPr(upper).addNewVMerge().setVal(STMerge.RESTART);
                    XWPFTableCell lower = cell(bottom, widths[i]);
                    tcPr(lower).addNewVMerge();
                    centre(lower.getParagraphs().get(0));
                    text(lower.getParagraphs().get(0), "", fontSize, true, false);
                } else {
                    int span = 0;
                    for (int k = i; k < end; k++) {
                        span += widths[k];
                        headerCell(bottom, widths[k], columns.get(k).header(), fontSize);
                    }
                    XWPFTableCell upper = headerCell(top, span, group, fontSize);
                    tcPr(upper).addNewGridSpan().setVal(BigInteger.valueOf(end - i));
                }
                i = end;
            }
        } else {
            XWPFTableRow header = headerRow(table);
            for (int i = 0; i < columns.size(); i++) {
                headerCell(header, widths[i], columns.get(i).header(), fontSize);
            }
        }
        if (numbered) {
            XWPFTableRow numbers = headerRow(table);
            for (int i = 0; i < columns.size(); i++) {
                XWPFTableCell c = cell(numbers, widths[i]);
                text(centre(c.getParagraphs().get(0)), "(" + (i + 1) + ")", fontSize, false, true);
            }
        }
        for (DocxRow r : rows) {
            XWPFTableRow row = newRow(table);
            row.setCantSplitRow(true);
            if (r.kind() == DocxRow.Kind.SECTION) {
                XWPFTableCell c = cell(row, textWidth);
                tcPr(c).addNewGridSpan().setVal(BigInteger.valueOf(columns.size()));
                text(c.getParagraphs().get(0), r.cells().get(0), fontSize, true, false);
                continue;
            }
            if (r.cells().size() != columns.size()) {
                throw new IllegalArgumentException("row has " + r.cells().size() + " cells, table has " + columns.size()
                        + " columns");
            }
            for (int i = 0; i < columns.size(); i++) {
                XWPFTableCell c = cell(row, widths[i]);
                XWPFParagraph p = c.getParagraphs().get(0);
                p.setAlignment(alignment(columns.get(i).align()));
                text(p, r.cells().get(i), fontSize, r.kind() == DocxRow.Kind.TOTAL, false);
            }
        }
        return space(4);
    }

    /**
     * Rows of at most {@code perRow} empty boxes, each under its caption in bold ("Năm 2027"), centred, for a stamp
     * or a handwritten mark; {@code heightPoints} is the height of a box.
     */
    public OfficialDocx boxes(List<String> captions, int perRow, int heightPoints) {
        if (captions.isEmpty() || perRow < 1) {
            throw new IllegalArgumentException("boxes need captions and at least one box a row");
        }
        int columns = Math.min(perRow, captions.size());
        int width = textWidth / 5;
        int[] widths = new int[columns];
        java.util.Arrays.fill(widths, width);
        XWPFTable table = table(widths, true);
        table.setTableAlignment(org.apache.poi.xwpf.usermodel.TableRowAlign.CENTER);
        for (int start = 0; start < captions.size(); start += columns) {
            List<String> row = captions.subList(start, Math.min(captions.size(), start + columns));
            XWPFTableRow years = newRow(table);
            years.setCantSplitRow(true);
            XWPFTableRow stamps = newRow(table);
            stamps.setCantSplitRow(true);
            stamps.setHeight(heightPoints * 20);
            stamps.setHeightRule(org.apache.poi.xwpf.usermodel.TableRowHeightRule.EXACT);
            for (int i = 0; i < columns; i++) {
                String caption = i < row.size() ? row.get(i) : "";
                headerCell(years, width, caption, SMALL);
                text(cell(stamps, width).getParagraphs().get(0), "", SMALL, false, false);
            }
        }
        return space(4);
    }

    /** Signature blocks side by side (one block sits on the right half). */
    public OfficialDocx signatures(List<Signature> signatures) {
        return signatures("", List.of(), signatures);
    }

    /** Signature blocks with the place-and-date line in italic above the last (right-hand) one. */
    public OfficialDocx signatures(String placeDateLine, List<Signature> signatures) {
        return signatures(placeDateLine, List.of(), signatures);
    }

    /**
     * The closing block: with one signature, the recipients ("Nơi nhận:" in bold italic, one line each in 11 pt) on
     * the left and the signature on the right; the place-and-date line in italic above the last signature.
     */
    public OfficialDocx signatures(String placeDateLine, List<String> recipients, List<Signature> signatures) {
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("no signature block");
        }
        int columns = Math.max(2, signatures.size());
        int[] widths = new int[columns];
        for (int i = 0; i < columns; i++) {
            widths[i] = textWidth / columns;
        }
        XWPFTable table = table(widths, false);
        XWPFTableRow row = newRow(table);
        row.setCantSplitRow(true);
        int col = 0;
        if (signatures.size() == 1) {
            XWPFTableCell left = top(cell(row, widths[col++]));
            XWPFParagraph first = left.getParagraphs().get(0);
            if (recipients.isEmpty()) {
                text(first, "", BODY, false, false);
            } else {
                first.setSpacingBefore(Text.isBlank(placeDateLine) ? 0 : 300);
                text(first, labels.get("document.recipients"), SMALL, true, true);
                for (String r : recipients) {
                    text(left.addParagraph(), Text.nfc(r), RECIPIENTS, false, false);
                }
            }
        }
        for (int s = 0; s < signatures.size(); s++) {
            Signature signature = signatures.get(s);
            XWPFTableCell cell = top(cell(row, widths[col++]));
            List<XWPFParagraph> lines = new ArrayList<>();
            lines.add(cell.getParagraphs().get(0));
            if (s == signatures.size() - 1 && !Text.isBlank(placeDateLine)) {
                text(centre(lines.get(0)), Text.nfc(placeDateLine), BODY, false, true);
                lines.add(cell.addParagraph());
            }
            for (String title : signature.titleLines()) {
                XWPFParagraph p = lines.size() == 1 && lines.get(0).getRuns().isEmpty() ? lines.get(0) : cell.addParagraph();
                text(centre(p), Text.upper(title), BODY, true, false);
            }
            if (!signature.note().isEmpty()) {
                text(centre(cell.addParagraph()), signature.note(), SMALL, false, true);
            }
            XWPFParagraph space = cell.addParagraph();
            space.setSpacingBetween(SIGNING_SPACE, LineSpacingRule.EXACT);
            text(space, "", BODY, false, false);
            text(centre(cell.addParagraph()), signature.name(), BODY, true, false);
        }
        return this;
    }

    /** Starts the next document of a batch on a new page, in a new section whose page numbers start again at 1. */
    public OfficialDocx nextDocument() {
        XWPFParagraph breakHere = document.createParagraph();
        CTSectPr copy = (CTSectPr) section.copy();
        breakHere.getCTP().addNewPPr().setSectPr(copy);
        return this;
    }

    /** Closes the document and returns the DOCX file (the same bytes when called again). */
    public byte[] finish() {
        if (written == null) {
            try (XWPFDocument closing = document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                closing.write(out);
                written = out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return written;
    }

    /** The document default: Times New Roman for every script, 13 pt, Vietnamese. */
    private void defaults(DocumentLabels labels) {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = styles.addNewDocDefaults();
        CTRPr run = defaults.addNewRPrDefault().addNewRPr();
        CTFonts fonts = run.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setEastAsia(FONT);
        fonts.setCs(FONT);
        run.addNewSz().setVal(BigInteger.valueOf(Math.round(BODY * 2)));
        run.addNewSzCs().setVal(BigInteger.valueOf(Math.round(BODY * 2)));
        run.addNewLang().setVal("vi".equals(labels.locale().getLanguage()) ? "vi-VN" : "en-GB");
        defaults.addNewPPrDefault().addNewPPr().addNewSpacing().setAfter(BigInteger.ZERO);
        document.createStyles().setStyles(styles);
    }

    /** A4, margins, page numbers from the second page at the top centre, numbering from 1 in every section. */
    private void page(boolean landscape) {
        CTSectPr section = document.getDocument().getBody().isSetSectPr()
                ? document.getDocument().getBody().getSectPr() : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
        size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        }
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(TOP));
        margins.setBottom(BigInteger.valueOf(BOTTOM));
        margins.setLeft(BigInteger.valueOf(LEFT));
        margins.setRight(BigInteger.valueOf(RIGHT));
        margins.setHeader(BigInteger.valueOf(mm(10)));
        margins.setFooter(BigInteger.valueOf(mm(10)));
        margins.setGutter(BigInteger.ZERO);
        section.addNewPgNumType().setStart(BigInteger.ONE);
        section.addNewTitlePg();
        XWPFHeader first = document.createHeader(HeaderFooterType.FIRST);
        text(first.createParagraph(), "", SMALL, false, false);
        XWPFHeader others = document.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph number = centre(others.createParagraph());
        field(number, "PAGE");
        this.section = document.getDocument().getBody().getSectPr();
    }

    /** A field ("PAGE") as Word writes it: begin, instruction, separator, the last value shown, end. */
    private static void field(XWPFParagraph p, String instruction) {
        text(p, "", SMALL, false, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        text(p, "", SMALL, false, false).getCTR().addNewInstrText().setStringValue(" " + instruction + " ");
        text(p, "", SMALL, false, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        text(p, "2", SMALL, false, false);
        text(p, "", SMALL, false, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    /** Every run of the document is made here: Times New Roman declared for every script, the size, the style. */
    static XWPFRun text(XWPFParagraph p, String text, double size, boolean bold, boolean italic) {
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        if (!text.isEmpty()) {
            run.setText(Text.nfc(text));
        }
        return run;
    }

    /** A table of the given column widths (twentieths of a point), fixed layout; without borders when asked. */
    private XWPFTable table(int[] widths, boolean bordered) {
        XWPFTable table = document.createTable();
        table.removeRow(0);
        CTTblPr pr = table.getCTTbl().getTblPr();
        CTTblWidth width = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        width.setType(STTblWidth.DXA);
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        width.setW(BigInteger.valueOf(total));
        CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        table.setCellMargins(20, CELL_MARGIN, 20, CELL_MARGIN);
        if (bordered) {
            XWPFTable.XWPFBorderType single = XWPFTable.XWPFBorderType.SINGLE;
            table.setTopBorder(single, 4, 0, "000000");
            table.setBottomBorder(single, 4, 0, "000000");
            table.setLeftBorder(single, 4, 0, "000000");
            table.setRightBorder(single, 4, 0, "000000");
            table.setInsideHBorder(single, 4, 0, "000000");
            table.setInsideVBorder(single, 4, 0, "000000");
        } else {
            table.removeBorders();
        }
        return table;
    }

    private static XWPFTableRow newRow(XWPFTable table) {
        return table.insertNewTableRow(table.getNumberOfRows());
    }

    private static XWPFTableRow headerRow(XWPFTable table) {
        XWPFTableRow row = newRow(table);
        row.setRepeatHeader(true);
        row.setCantSplitRow(true);
        return row;
    }

    private static XWPFTableCell headerCell(XWPFTableRow row, int width, String text, double size) {
        XWPFTableCell cell = cell(row, width);
        text(centre(cell.getParagraphs().get(0)), text, size, true, false);
        return cell;
    }

    private static XWPFTableCell cell(XWPFTableRow row, int width) {
        XWPFTableCell cell = row.addNewTableCell();
        if (cell.getParagraphs().isEmpty()) {
            cell.addParagraph();
        }
        CTTcPr pr = tcPr(cell);
        CTTblWidth w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(width));
        (pr.isSetVAlign() ? pr.getVAlign() : pr.addNewVAlign()).setVal(STVerticalJc.CENTER);
        return cell;
    }

    /** A cell whose text starts at its top (the closing blocks line up on their first lines). */
    private static XWPFTableCell top(XWPFTableCell cell) {
        tcPr(cell).getVAlign().setVal(STVerticalJc.TOP);
        return cell;
    }

        private static CTTcPr tcPr(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }

    /**
     * The column widths {@link #table(List, List, double)} gives these rows, without writing anything: a batch writer
     * ({@link CertificateBatchDocx}) checks with it that a certificate lays out like its template.
     */
    int[] columnWidths(List<DocxColumn> columns, List<List<String>> rows, double fontSize) {
        return widths(columns, rows.stream().map(DocxRow::row).toList(), fontSize);
    }

    /**
     * Column widths in twentieths of a point: the columns' shares of the text width, but never narrower than the
     * longest word of the column's header (bold) or cells, so that no word is split across lines; the columns that
     * need more take it from the others in proportion to their shares.
     */
    private int[] widths(List<DocxColumn> columns, List<DocxRow> rows, double fontSize) {
        int n = columns.size();
        double[] least = new double[n];
        for (int i = 0; i < n; i++) {
            least[i] = longestWord(columns.get(i).header(), fontSize, true) + 2 * CELL_MARGIN;
        }
        for (DocxRow r : rows) {
            if (r.kind() == DocxRow.Kind.SECTION || r.cells().size() != n) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                least[i] = Math.max(least[i], longestWord(r.cells().get(i), fontSize, r.kind() == DocxRow.Kind.TOTAL)
                        + 2 * CELL_MARGIN);
            }
        }
        double needed = 0;
        for (double l : least) {
            needed += l;
        }
        double[] w = new double[n];
        if (needed >= textWidth) {
            for (int i = 0; i < n; i++) {
                w[i] = least[i] * textWidth / needed;
            }
        } else {
            boolean[] fixed = new boolean[n];
            boolean changed = true;
            while (changed) {
                changed = false;
                double free = textWidth;
                double shares = 0;
                for (int i = 0; i < n; i++) {
                    if (fixed[i]) {
                        free -= least[i];
                    } else {
                        shares += columns.get(i).width();
                    }
                }
                for (int i = 0; i < n; i++) {
                    w[i] = fixed[i] ? least[i] : free * columns.get(i).width() / shares;
                    if (!fixed[i] && w[i] < least[i]) {
                        fixed[i] = true;
                        changed = true;
                    }
                }
            }
        }
        int[] widths = new int[n];
        int used = 0;
        for (int i = 0; i < n; i++) {
            widths[i] = i == n - 1 ? textWidth - used : (int) Math.floor(w[i]);
            used += widths[i];
        }
        return widths;
    }

    /**
     * The width of the longest word of a text in twentieths of a point, estimated for Times New Roman: capitals
     * 0.72 em, other letters and digits 0.5 em, bold 6 % wider, and a tenth more to err on the wide side.
     */
    static double longestWord(String text, double size, boolean bold) {
        double longest = 0;
        for (String word : Text.nfc(text).split("\\s+")) {
            double em = 0;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                em += Character.isUpperCase(c) ? 0.72 : c == 'm' || c == 'w' ? 0.75 : ".,:;'()-/".indexOf(c) >= 0 ? 0.3 : 0.5;
            }
            longest = Math.max(longest, em * size * 20 * (bold ? 1.06 : 1) * 1.1);
        }
        return longest;
    }

    /** A centred horizontal rule of the given length under the issuing authority (Decree 30: a third to a half). */
    private static void rule(XWPFParagraph p, int cellWidth, int length) {
        int side = Math.max(0, (cellWidth - Math.min(length, cellWidth)) / 2);
        p.setIndentationLeft(side);
        p.setIndentationRight(side);
        p.setBorderTop(Borders.SINGLE);
        p.setSpacingBefore(60);
        p.setSpacingBetween(4, LineSpacingRule.EXACT);
        text(p, "", 2, false, false);
    }

    /** The width of a line of capitals, estimated at 0.62 em a letter (Times New Roman bold capitals). */
    private static int estimatedWidth(String text, double size) {
        return (int) Math.round(text.length() * size * 0.62 * 20);
    }

    private OfficialDocx space(int points) {
        XWPFParagraph p = document.createParagraph();
        p.setSpacingBetween(points, LineSpacingRule.EXACT);
        text(p, "", 2, false, false);
        return this;
    }

    private static XWPFParagraph centre(XWPFParagraph p) {
        p.setAlignment(ParagraphAlignment.CENTER);
        return p;
    }

    private static ParagraphAlignment alignment(DocxColumn.Align align) {
        return switch (align) {
            case LEFT -> ParagraphAlignment.LEFT;
            case CENTER -> ParagraphAlignment.CENTER;
            case RIGHT -> ParagraphAlignment.RIGHT;
        };
    }

    private static int mm(double millimetres) {
        return (int) Math.ceil(millimetres * MM);
    }
}
