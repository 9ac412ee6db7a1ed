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
            new SheetColumn("Tiến độ", "Quá hạn / đúng hạn", Kind.CENTERED, 16),
            new SheetColumn("Tình trạng", "Trạng thái", Kind.TEXT, 22),
            new SheetColumn("Tình trạng", "Lý do trả lại", Kind.TEXT, 30));

    private ProgressWorkbook() {
    }

    static byte[] render(ProgressReport report, MessageSource messages) {
        OfficialWorkbook workbook = new OfficialWorkbook();
        OfficialSheet sheet = workbook.sheet("Tiến độ rà soát " + report.reviewYear(), COLUMNS);
        sheet.title("TIẾN ĐỘ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO ĐỊNH KỲ NĂM " + report.reviewYear())
                .subtitle("Đơn vị: " + report.unitName() + " (" + report.unitCode() + ") — hạn quyết định "
                        + DATE.format(report.decisionDue()) + " — số liệu đến ngày " + DATE.format(report.asOf()))
                .subtitle(report.communeCount() + " xã: " + report.finished() + " đã được phê duyệt, " + report.notFinished()
                        + " chưa hoàn thành, " + report.late() + " quá hạn")
                .subtitle("Theo trạng thái: " + byPhase(report, messages))
                .subtitle("Số hộ nghèo, cận nghèo chỉ có ở " + report.withLists() + " xã đã có quyết định công nhận; "
                        + (report.communeCount() - report.withLists()) + " xã chưa có quyết định: chưa có số liệu")
                .blank()
                .header();
        int no = 1;
        for (ProgressReport.CommuneRow c : report.communes()) {
            // a commune without a decision in force has no lists yet: "chưa có số liệu", never 0
            sheet.row(no++, c.communeCode(), c.communeName(),
                    c.roundId() == null ? "Chưa mở" : say(messages, "review.state." + c.state()),
                    c.approvalState() == null ? null : say(messages, "review.approval." + c.approvalState()),
                    c.decisionNumber(), c.decidedOn() == null ? null : DATE.format(c.decidedOn()),
                    c.hasLists() ? c.households() : "Chưa có số liệu", c.hasLists() ? c.poor() : null,
                    c.hasLists() ? c.nearPoor() : null, DATE.format(c.decisionDue()),
                    say(messages, "review.progress.timeliness." + c.timeliness()),
                    say(messages, "review.progress.phase." + c.phase()),
                    c.returnReason() == null ? null : say(messages, "review.level." + c.returnedBy()) + ": " + c.returnReason());
        }
        sheet.totals("Tổng cộng (" + report.withLists() + " xã có quyết định)", 7, report.households(), report.poor(),
                report.nearPoor(), null, report.late() + " quá hạn");
        return workbook.finish();
    }

    /** "Chưa mở: 3, Chuẩn bị: 0, …" in the order of the phases. */
    private static String byPhase(ProgressReport report, MessageSource messages) {
        return String.join(", ", report.byPhase().stream()
                .map(t -> say(messages, "review.progress.phase." + t.code()) + ": " + t.communes()).toList());
    }

    private static String say(MessageSource messages, String key) {
        return messages.getMessage(key, null, key, VI);
    }
}
