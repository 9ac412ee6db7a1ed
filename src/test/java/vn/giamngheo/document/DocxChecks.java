package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/** What a Word file of the State's format has, read back with Apache POI. */
public final class DocxChecks {

    private static final String FONT = "Times New Roman";

    private DocxChecks() {
    }

    /**
     * Times New Roman declared as the document's default and on every run of the body, the tables and the page
     * headers, for Latin, East-Asian and complex scripts; A4 in the given orientation with Decree 30's margins; the
     * first table (the heading) without borders and with the national motto; a signature block.
     */
    public static void assertOfficial(byte[] docx, boolean landscape) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            CTFonts defaults;
            try {
                defaults = doc.getStyle().getDocDefaults().getRPrDefault().getRPr().getRFontsArray(0);
            } catch (org.apache.xmlbeans.XmlException e) {
                throw new IOException(e);
            }
            assertThat(defaults).as("document default fonts").isNotNull();
            assertThat(List.of(defaults.getAscii(), defaults.getHAnsi(), defaults.getEastAsia(), defaults.getCs()))
                    .as("document default fonts").containsOnly(FONT);
            List<String> offenders = new ArrayList<>();
            int runs = 0;
            List<XWPFParagraph> paragraphs = new ArrayList<>();
            collect(doc, paragraphs);
            doc.getHeaderList().forEach(h -> collect(h, paragraphs));
            doc.getFooterList().forEach(f -> collect(f, paragraphs));
            for (XWPFParagraph p : paragraphs) {
                for (XWPFRun r : p.getRuns()) {
                    runs++;
                    CTRPr pr = r.getCTR().getRPr();
                    CTFonts f = pr == null || pr.sizeOfRFontsArray() == 0 ? null : pr.getRFontsArray(0);
                    if (f == null || !FONT.equals(f.getAscii()) || !FONT.equals(f.getHAnsi()) || !FONT.equals(f.getEastAsia())
                            || !FONT.equals(f.getCs())) {
                        offenders.add("'" + r.text() + "' in '" + p.getText() + "'");
                    }
                }
            }
            assertThat(runs).as("runs").isGreaterThan(20);
            assertThat(offenders).as("runs without Times New Roman for every script").isEmpty();

            CTSectPr section = doc.getDocument().getBody().getSectPr();
            CTPageSz size = section.getPgSz();
            long w = ((BigInteger) size.getW()).longValue();
            long h = ((BigInteger) size.getH()).longValue();
            assertThat(landscape ? new long[] {h, w} : new long[] {w, h}).as("A4 in twips").containsExactly(11906, 16838);
            assertThat(w > h).as("landscape").isEqualTo(landscape);
            CTPageMar m = section.getPgMar();
            assertThat(mm(m.getTop())).as("top margin, mm").isBetween(20.0, 25.0);
            assertThat(mm(m.getBottom())).as("bottom margin, mm").isBetween(20.0, 25.0);
            assertThat(mm(m.getLeft())).as("left margin, mm").isBetween(30.0, 35.0);
            assertThat(mm(m.getRight())).as("right margin, mm").isBetween(15.0, 20.0);

            XWPFTable heading = doc.getTables().get(0);
            assertThat(heading.getTopBorderType()).isNull();
            assertThat(heading.getInsideVBorderType()).isNull();
            String motto = heading.getText().contains(DocumentLabels.forLocale(null).get("document.motto.country"))
                    ? DocumentLabels.forLocale(null).get("document.motto.words")
                    : DocumentLabels.forLocale(java.util.Locale.ENGLISH).get("document.motto.words");
            assertThat(heading.getText()).as("the heading's motto").contains(motto);
            assertThat(heading.getRows().get(0).getTableCells()).as("authority | motto").hasSize(2);
        }
    }

    /** The header rows (marked to repeat on every page) of the first bordered table with them. */
    public static List<List<String>> repeatedHeaderRows(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (XWPFTable t : doc.getTables()) {
                List<List<String>> rows = new ArrayList<>();
                for (XWPFTableRow row : t.getRows()) {
                    if (!row.isRepeatHeader()) {
                        break;
                    }
                    rows.add(row.getTableCells().stream().map(XWPFTableCell::getText).toList());
                }
                if (!rows.isEmpty()) {
                    return rows;
                }
            }
            return List.of();
        }
    }

    private static double mm(Object twips) {
        return ((BigInteger) twips).doubleValue() / 56.6929;
    }

    private static void collect(IBody body, List<XWPFParagraph> into) {
        for (IBodyElement e : body.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                into.add(p);
            } else if (e instanceof XWPFTable t) {
                for (XWPFTableRow row : t.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        collect(cell, into);
                    }
                }
            }
        }
    }

    /**
     * The body's elements as XML, cut into sections: a paragraph whose properties hold a section break ends a section
     * (the break is kept as its section properties); the body's own section properties end the last one. A batch of
     * documents ({@code OfficialDocx.nextDocument}) has one section per document.
     */
    public static List<List<String>> sections(byte[] docx) throws IOException {
        List<List<String>> sections = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> current = new ArrayList<>();
            try (XmlCursor cursor = doc.getDocument().getBody().newCursor()) {
                for (boolean more = cursor.toFirstChild(); more; more = cursor.toNextSibling()) {
                    XmlObject element = cursor.getObject();
                    if (element instanceof CTP p && p.isSetPPr() && p.getPPr().isSetSectPr()) {
                        current.add(p.getPPr().getSectPr().xmlText());
                        sections.add(current);
                        current = new ArrayList<>();
                    } else if (element instanceof CTSectPr s) {
                        current.add(s.xmlText());
                        sections.add(current);
                        current = new ArrayList<>();
                    } else {
                        current.add(element.xmlText());
                    }
                }
            }
            assertThat(current).as("nothing after the body's section properties").isEmpty();
        }
        return sections;
    }
}
