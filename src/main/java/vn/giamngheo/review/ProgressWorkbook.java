package vn.giamngheo.review;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import vn.giamngheo.document.OfficialSheet;
import vn.giamngheo.document.OfficialWorkbook;
import vn.giamngheo.document.SheetColumn;
import vn.giamngheo.document.SheetColumn.Kind;

/**
 * The progress of a periodic review as an XLSX table for the province: merged Vietnamese titles and a two-level
 * header (the round, the decision, the lists, the timeliness), one row per commune, a totals row. Steps and approval
 * states are said in Vietnamese from the review's messages; dates as dd/MM/yyyy.
 */
final class ProgressWorkbook {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VI = Locale.forLanguageTag("vi");

    static final List<SheetColumn> COLUMNS = List.of(
            SheetColumn.of("STT", Kind.CENTERED, 6),
            SheetColumn.of("Mã xã", Kind.CENTERED, 10),
            SheetColumn.of("Xã, phường", Kind.TEXT, 26),
            new SheetColumn("Đợt rà soát", "Bước", Kind.TEXT, 18),
            new SheetColumn("Đợt rà soát", "Phê duyệt", Kind.TEXT, 20),
            new SheetColumn("Quyết định công nhận", "Số", Kind.TEXT, 16),
            new SheetColumn("Quyết định công nhận", "Ngày", Kind.CENTERED, 12),
            new SheetColumn("Kết quả rà soát (số hộ)", "Đã rà soát", Kind.INTEGER, 12),
            new SheetColumn("Kết quả rà soát (số hộ)", "Hộ nghèo", Kind.INTEGER, 12),
            new SheetColumn("Kết quả rà soát (số hộ)", "Hộ cận nghèo", Kind.INTEGER, 12),
            new SheetColumn("Tiến độ", "Hạn quyết định", Kind.CENTERED, 14),
            new SheetColumn("Tiến độ", "Đúng hạn / trễ hạn", Kind.CENTERED, 14));

    private ProgressWorkbook() {
    }

    static byte[] render(ProgressReport report, MessageSource messages) {
        OfficialWorkbook workbook = new OfficialWorkbook();
        OfficialSheet sheet = workbook.sheet("Tiến độ rà soát " + report.reviewYear(), COLUMNS);
        sheet.title("TIẾN ĐỘ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO ĐỊNH KỲ NĂM " + report.reviewYear())
                .subtitle("Đơn vị: " + report.unitName() + " (" + report.unitCode() + ") — hạn quyết định "
                        + DATE.format(report.decisionDue()) + " — số liệu đến ngày " + DATE.format(report.asOf()))
                .subtitle(report.communeCount() + " xã: " + report.finished() + " đã được phê duyệt, " + report.notFinished()
                        + " chưa hoàn thành, " + report.late() + " trễ hạn")
                .blank()
                .header();
        int no = 1;
        for (ProgressReport.CommuneRow c : report.communes()) {
            sheet.row(no++, c.communeCode(), c.communeName(),
                    c.roundId() == null ? "Chưa mở" : say(messages, "review.state." + c.state()),
                    c.approvalState() == null ? null : say(messages, "review.approval." + c.approvalState()),
                    c.decisionNumber(), c.decidedOn() == null ? null : DATE.format(c.decidedOn()),
                    c.households(), c.poor(), c.nearPoor(), DATE.format(c.decisionDue()),
                    c.late() ? "Trễ hạn" : "Đúng hạn");
        }
        sheet.totals("Tổng cộng", 7, report.households(), report.poor(), report.nearPoor(), null,
                report.late() + " trễ hạn");
        return workbook.finish();
    }

    private static String say(MessageSource messages, String key) {
        return messages.getMessage(key, null, key, VI);
    }
}
