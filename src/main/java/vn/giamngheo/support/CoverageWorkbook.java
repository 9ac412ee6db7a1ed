package vn.giamngheo.support;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.giamngheo.document.WorkbookBuilder;

/**
 * The coverage of a unit as XLSX with Vietnamese headers: per policy (national ones and the province's own, with
 * "Trung ương" or the province beside each) the entitled, received, gap and leakage, the benefit per beneficiary and
 * the cost of the entitled; a second sheet splits each cost by funding source (entitled × benefit × share). Texts are
 * plain string cells, never formulas; figures are numeric cells.
 */
final class CoverageWorkbook {

    static final String SHEET = "Độ bao phủ";
    static final String SOURCES_SHEET = "Chi phí theo nguồn";
    static final List<String> HEADERS = List.of("Mã chính sách", "Chính sách", "Cấp ban hành", "Đối tượng",
            "Thuộc diện", "Đã nhận", "Tỷ lệ đã nhận (%)", "Chưa nhận", "Nhận khi không thuộc diện",
            "Mức hỗ trợ một đối tượng (đồng)", "Chi phí cho người thuộc diện (đồng)");
    static final List<String> SOURCE_HEADERS = List.of("Mã chính sách", "Chính sách", "Cấp ban hành", "Nguồn",
            "Tỷ lệ (%)", "Áp dụng từ ngày", "Chi phí (đồng)");
    static final Map<String, String> SOURCES = Map.of("central_budget", "Ngân sách trung ương",
            "local_budget", "Ngân sách địa phương", "social_policy_bank", "Ngân hàng Chính sách xã hội",
            "health_insurance_fund", "Quỹ bảo hiểm y tế", "mobilised", "Huy động", "mixed", "Nhiều nguồn");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CoverageWorkbook() {
    }

    static void write(CoverageReport report, Map<String, String> provinceNames, OutputStream out) throws IOException {
        WorkbookBuilder workbook = WorkbookBuilder.create();
        String period = "Thuộc diện vào ngày " + DAY.format(report.to()) + "; đã nhận từ " + DAY.format(report.from())
                + " đến " + DAY.format(report.to());
        WorkbookBuilder.SheetBuilder sheet = workbook.sheet(SHEET)
                .title("Độ bao phủ chính sách hỗ trợ")
                .title("Đơn vị: " + report.unit().name() + " (" + report.unit().code() + ")")
                .title(period)
                .blank()
                .header(HEADERS);
        for (CoverageReport.PolicyCoverage p : report.policies()) {
            sheet.row().text(p.policyCode()).text(p.nameVi()).text(level(p, provinceNames))
                    .text("person".equals(p.beneficiary()) ? "người" : "hộ")
                    .number(p.total().entitled()).number(p.total().received())
                    .number(p.total().coveragePercent(), WorkbookBuilder.DECIMAL).number(p.total().gap()).number(p.total().leakage())
                    .numberOrNothing(p.benefitVnd()).numberOrNothing(p.totalCostVnd());
        }
        sheet.widths(HEADERS.size(), c -> c == 1 ? 50 : c == 2 ? 20 : 16);
        WorkbookBuilder.SheetBuilder sources = workbook.sheet(SOURCES_SHEET)
                .title("Chi phí cho người thuộc diện theo nguồn kinh phí (thuộc diện × mức hỗ trợ × tỷ lệ của nguồn)")
                .title("Đơn vị: " + report.unit().name() + " (" + report.unit().code() + ")")
                .title(period)
                .blank()
                .header(SOURCE_HEADERS);
        for (CoverageReport.PolicyCoverage p : report.policies()) {
            for (CoverageReport.SourceCost c : p.costs()) {
                sources.row().text(p.policyCode()).text(p.nameVi()).text(level(p, provinceNames))
                        .text(SOURCES.getOrDefault(c.source(), c.source())).number(c.sharePercent(), WorkbookBuilder.DECIMAL)
                        .text(p.splitFrom() == null ? "" : DAY.format(p.splitFrom())).number(c.costVnd());
            }
        }
        sources.widths(SOURCE_HEADERS.size(), c -> c == 1 ? 50 : c == 2 || c == 3 ? 24 : 16);
        workbook.write(out);
    }

    /** "Trung ương" or the province's name. */
    static String level(CoverageReport.PolicyCoverage p, Map<String, String> provinceNames) {
        return p.provinceCode() == null ? "Trung ương" : provinceNames.getOrDefault(p.provinceCode(), p.provinceCode());
    }
}
