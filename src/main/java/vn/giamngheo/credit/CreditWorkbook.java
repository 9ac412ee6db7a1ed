package vn.giamngheo.credit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.giamngheo.credit.CreditRecords.Figure;
import vn.giamngheo.credit.CreditRecords.Loan;
import vn.giamngheo.credit.CreditRecords.Programme;
import vn.giamngheo.document.WorkbookBuilder;
import vn.giamngheo.format.Formats;

/**
 * The credit register of an area on a day as XLSX in the readers' format: the figures by commune, programme and
 * status, then one row per loan. Headers in Vietnamese, texts as text cells, counts and amounts as numbers (đồng),
 * the day written as readers write it ({@link Formats}).
 */
final class CreditWorkbook {

    static final List<String> FIGURE_HEADERS = List.of("Mã xã", "Xã", "Chương trình cho vay", "Tình trạng", "Số món vay",
            "Số hộ vay", "Số tiền đã vay (đồng)", "Dư nợ (đồng)", "Nợ quá hạn (đồng)");
    static final List<String> LOAN_HEADERS = List.of("Mã xã", "Mã hộ", "Chủ hộ", "Chương trình cho vay", "Số khế ước",
            "Số tiền vay (đồng)", "Ngày giải ngân", "Thời hạn (tháng)", "Loại lãi suất", "Ngày sao kê", "Dư nợ (đồng)",
            "Nợ quá hạn (đồng)", "Tình trạng", "Ngày tất toán");
    static final Map<String, String> STATUSES = Map.of("current", "Trong hạn", "overdue", "Có nợ quá hạn", "settled", "Đã tất toán");
    static final Map<String, String> INTEREST = Map.of("preferential", "Ưu đãi", "standard", "Thông thường",
            "interest_free", "Không lãi", "other", "Khác");

    private CreditWorkbook() {
    }

    static void write(String areaName, LocalDate on, List<Programme> programmes, List<Figure> figures, List<Loan> loans,
                      OutputStream out) throws IOException {
        Formats f = Formats.vietnamese();
        Map<String, String> names = programmes.stream().collect(Collectors.toMap(Programme::code, Programme::nameVi));
        Function<String, String> programme = code -> names.getOrDefault(code, code);
        WorkbookBuilder workbook = WorkbookBuilder.create();
        WorkbookBuilder.SheetBuilder sheet = workbook.sheet("Tổng hợp")
                .title("Tín dụng chính sách — " + areaName + " — ngày " + f.date(on))
                .blank()
                .header(FIGURE_HEADERS);
        long loansTotal = 0;
        long amount = 0;
        long outstanding = 0;
        long overdue = 0;
        for (Figure x : figures) {
            sheet.row().text(x.unitCode()).text(x.unitName()).text(programme.apply(x.programmeCode()))
                    .text(STATUSES.get(x.status())).number(x.loans()).number(x.households()).number(x.amount())
                    .number(x.outstanding()).number(x.overdue());
            loansTotal += x.loans();
            amount += x.amount();
            outstanding += x.outstanding();
            overdue += x.overdue();
        }
        sheet.row().bold("Tổng cộng").text("").text("").text("").number(loansTotal)
                .number(figures.isEmpty() ? 0 : loans.stream().map(Loan::householdId).distinct().count())
                .number(amount).number(outstanding).number(overdue);
        WorkbookBuilder.SheetBuilder second = workbook.sheet("Khoản vay").header(LOAN_HEADERS);
        for (Loan l : loans) {
            second.row().text(l.communeCode()).text(l.householdCode()).text(l.headName()).text(programme.apply(l.programmeCode()))
                    .text(l.contractNo()).number(l.amount()).text(f.date(l.disbursedOn())).number(l.termMonths())
                    .text(INTEREST.get(l.interestCategory())).text(l.balanceDate() == null ? "" : f.date(l.balanceDate()))
                    .number(l.outstanding()).number(l.overdue()).text(STATUSES.get(l.status()))
                    .text(l.settledOn() == null ? "" : f.date(l.settledOn()));
        }
        sheet.widths(FIGURE_HEADERS.size(), c -> c == 1 || c == 2 ? 36 : 16);
        second.widths(LOAN_HEADERS.size(), c -> c == 2 || c == 3 ? 32 : 16);
        workbook.write(out);
    }
}
