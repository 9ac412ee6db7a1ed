package vn.giamngheo.budget;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.table.PrintedNumber;

/**
 * The cost table as an A4 landscape PDF with DejaVu Sans embedded (every Vietnamese glyph): title,
 * merged headers, the rows with totals in bold, and the signature block.
 */
final class CostTablePdf {

    private static final float[] WIDTHS = {4, 28, 13, 8, 8, 8, 8, 8, 8, 8, 6};

    private CostTablePdf() {
    }

    static byte[] write(CostView view) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font normal = new Font(font("DejaVuSans.ttf"), 7.5f);
            Font bold = new Font(font("DejaVuSans-Bold.ttf"), 7.5f);
            Font titleFont = new Font(font("DejaVuSans-Bold.ttf"), 11f);
            Font italic = new Font(font("DejaVuSans.ttf"), 8f, Font.ITALIC);
            Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
            PdfWriter.getInstance(doc, out);
            doc.addTitle(CostTableLayout.title(view.stage(), view.year()));
            doc.open();
            Paragraph title = new Paragraph(CostTableLayout.title(view.stage(), view.year()), titleFont);
            title.setAlignment(Element.ALIGN_CENTER);
            doc.add(title);
            Paragraph sub = new Paragraph(CostTableLayout.subtitle(view), normal);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(8);
            doc.add(sub);

            PdfPTable table = new PdfPTable(WIDTHS);
            table.setWidthPercentage(100);
            table.setHeaderRows(2);
            for (int c = 0; c < CostTableLayout.COLUMNS; c++) {
                if (c == CostTableLayout.CENTRAL_FIRST) {
                    PdfPCell central = header(CostTableLayout.HEADER_TOP.get(c), bold);
                    central.setColspan(CostTableLayout.CENTRAL_LAST - CostTableLayout.CENTRAL_FIRST + 1);
                    table.addCell(central);
                } else if (c < CostTableLayout.CENTRAL_FIRST || c > CostTableLayout.CENTRAL_LAST) {
                    PdfPCell cell = header(CostTableLayout.HEADER_TOP.get(c), bold);
                    cell.setRowspan(2);
                    table.addCell(cell);
                }
            }
            for (int c = CostTableLayout.CENTRAL_FIRST; c <= CostTableLayout.CENTRAL_LAST; c++) {
                table.addCell(header(CostTableLayout.HEADER_SUB.get(c), bold));
            }
            for (int index = 0; index < view.rows().size(); index++) {
                CostTable.Row row = view.rows().get(index);
                Font f = row.level() == CostTable.Level.TOTAL || row.level() == CostTable.Level.GROUP ? bold : normal;
                table.addCell(new PdfPCell(new Phrase(row.code(), f)));
                table.addCell(new PdfPCell(new Phrase(row.item(), f)));
                table.addCell(new PdfPCell(new Phrase(row.leadAgency(), normal)));
                List<BigDecimal> amounts = CostTableLayout.amounts(row);
                for (BigDecimal a : amounts) {
                    PdfPCell cell = new PdfPCell(new Phrase(PrintedNumber.showAmount(a), f));
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    table.addCell(cell);
                }
                PdfPCell rate = new PdfPCell(new Phrase(view.disbursementRate(index)
                        .map(v -> v.toPlainString().replace('.', ',')).orElse(""), f));
                rate.setHorizontalAlignment(Element.ALIGN_RIGHT);
                table.addCell(rate);
            }
            doc.add(table);
            if (CostTableLayout.hasUnsplitCentral(view.table())) {
                doc.add(new Paragraph(CostTableLayout.UNSPLIT_NOTE, italic));
            }
            PdfPTable signatures = new PdfPTable(2);
            signatures.setWidthPercentage(100);
            signatures.setSpacingBefore(14);
            signatures.addCell(plain("", normal));
            signatures.addCell(plain(CostTableLayout.PLACE_DATE, italic));
            signatures.addCell(plain(CostTableLayout.PREPARER, bold));
            signatures.addCell(plain(CostTableLayout.HEAD, bold));
            signatures.addCell(plain(CostTableLayout.SIGN_HINT, italic));
            signatures.addCell(plain(CostTableLayout.HEAD_HINT, italic));
            doc.add(signatures);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the cost table PDF", e);
        }
    }

    private static PdfPCell header(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private static PdfPCell plain(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }

    static BaseFont font(String file) throws IOException {
        try (InputStream in = CostTablePdf.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IOException("missing font /fonts/" + file);
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        }
    }
}
