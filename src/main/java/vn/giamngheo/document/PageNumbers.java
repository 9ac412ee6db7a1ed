package vn.giamngheo.document;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Page numbers as Decree 30/2020 places them: Arabic numerals centred in the top margin, none on the first
 * page. Numbering restarts with each document of a batch (e.g. one certificate after another).
 */
final class PageNumbers extends PdfPageEventHelper {

    private int firstPage = 1;
    private boolean restart;

    /** The next page starts a new document of the batch. */
    void restart() {
        restart = true;
    }

    @Override
    public void onStartPage(PdfWriter writer, Document document) {
        if (restart) {
            firstPage = writer.getPageNumber();
            restart = false;
        }
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        int number = writer.getPageNumber() - firstPage + 1;
        if (number < 2) {
            return;
        }
        PdfContentByte canvas = writer.getDirectContent();
        float x = (document.left() + document.right()) / 2;
        float y = document.getPageSize().getHeight() - document.topMargin() / 2 - PdfFonts.BODY / 2;
        canvas.beginText();
        canvas.setFontAndSize(PdfFonts.regularBase(), PdfFonts.BODY);
        canvas.showTextAligned(PdfContentByte.ALIGN_CENTER, String.valueOf(number), x, y, 0);
        canvas.endText();
    }
}
