package vn.giamngheo.drafting;

import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.DocxColumn;
import vn.giamngheo.document.DocxRow;
import vn.giamngheo.document.OfficialDocx;
import vn.giamngheo.document.OfficialPdf;
import vn.giamngheo.document.PdfColumn;
import vn.giamngheo.document.PdfRow;
import vn.giamngheo.document.PdfTable;
import vn.giamngheo.document.Signature;

/**
 * The content of a drafted document as blocks (headings, paragraphs, tables), written once and laid out twice: as
 * DOCX ({@link OfficialDocx}) and as PDF ({@link OfficialPdf}), both on A4 landscape in the format of Decree 30/2020
 * (issuing body and national motto, number and symbol, place and date, title, body, recipients, signature block).
 */
final class DraftDocument {

    enum Align { LEFT, CENTER, RIGHT }

    /** A column: its group on the first header row (null: none), its header, relative width and alignment. */
    record Column(String group, String header, double width, Align align) {
        static Column of(String header, double width, Align align) {
            return new Column(null, header, width, align);
        }
    }

    /** A table row; a total is printed in bold, a section spans the table. */
    record Row(List<String> cells, boolean total, boolean section) {
        static Row of(List<String> cells) {
            return new Row(cells, false, false);
        }

        static Row total(List<String> cells) {
            return new Row(cells, true, false);
        }

        static Row section(String title) {
            return new Row(List.of(title), false, true);
        }
    }

    private interface Block {
    }

    private record Heading(String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Grid(List<Column> columns, List<Row> rows, double size) implements Block {
    }

    private final DocumentLabels labels;
    private final String fileTitle;
    private final List<String> issuer;
    private final String number;
    private final String placeDate;
    private final String title;
    private final List<String> subtitles;
    private final List<Block> blocks = new ArrayList<>();
    private List<String> recipients = List.of();
    private Signature signature;

    DraftDocument(DocumentLabels labels, String fileTitle, List<String> issuer, String number, String placeDate,
                  String title, List<String> subtitles) {
        this.labels = labels;
        this.fileTitle = fileTitle;
        this.issuer = issuer;
        this.number = number;
        this.placeDate = placeDate;
        this.title = title;
        this.subtitles = subtitles;
    }

    DraftDocument heading(String text) {
        blocks.add(new Heading(text));
        return this;
    }

    /** A paragraph per line of the text; nothing for a blank text. */
    DraftDocument paragraphs(String text) {
        if (text != null && !text.isBlank()) {
            for (String line : text.strip().split("\n")) {
                if (!line.isBlank()) {
                    blocks.add(new Paragraph(line.strip()));
                }
            }
        }
        return this;
    }

    DraftDocument table(List<Column> columns, List<Row> rows, double size) {
        blocks.add(new Grid(List.copyOf(columns), List.copyOf(rows), size));
        return this;
    }

    DraftDocument close(List<String> recipients, Signature signature) {
        this.recipients = recipients;
        this.signature = signature;
        return this;
    }

    byte[] docx() {
        OfficialDocx d = OfficialDocx.createLandscape(labels, fileTitle);
        d.header(issuer, number, placeDate);
        d.title(title, subtitles.toArray(String[]::new));
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                d.heading(h.text());
            } else if (b instanceof Paragraph p) {
                d.paragraph(p.text());
            } else if (b instanceof Grid g) {
                d.table(g.columns().stream().map(c -> new DocxColumn(c.group(), c.header(), c.width(),
                                DocxColumn.Align.valueOf(c.align().name()))).toList(),
                        g.rows().stream().map(r -> r.section() ? DocxRow.section(r.cells().get(0))
                                : r.total() ? DocxRow.total(r.cells()) : DocxRow.row(r.cells())).toList(), g.size(), false);
            }
        }
        d.signatures(placeDate, recipients, List.of(signature));
        return d.finish();
    }

    byte[] pdf() {
        OfficialPdf p = OfficialPdf.createLandscape(labels, fileTitle);
        p.header(issuer, number, placeDate);
        p.title(title, subtitles.toArray(String[]::new));
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                p.heading(h.text());
            } else if (b instanceof Paragraph para) {
                p.paragraph(para.text());
            } else if (b instanceof Grid g) {
                p.table(new PdfTable(
                        g.columns().stream().map(c -> new PdfColumn(c.header(), (float) c.width(),
                                PdfColumn.Align.valueOf(c.align().name()))).toList(),
                        PdfTable.groupsOf(g.columns().stream().map(c -> c.group() == null ? "" : c.group()).toList()),
                        g.rows().stream().map(r -> r.section() ? PdfRow.section(r.cells().get(0))
                                : r.total() ? PdfRow.bold(r.cells()) : PdfRow.of(r.cells())).toList(), false), (float) g.size());
            }
        }
        p.signatures(placeDate, recipients, signature);
        return p.finish();
    }
}
