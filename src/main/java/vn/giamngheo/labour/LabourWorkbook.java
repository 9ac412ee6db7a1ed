package vn.giamngheo.labour;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.giamngheo.document.WorkbookBuilder;
import vn.giamngheo.format.Formats;
import vn.giamngheo.labour.LabourRecords.Country;
import vn.giamngheo.labour.LabourRecords.Figure;
import vn.giamngheo.labour.LabourRecords.Worker;

/**
 * The labour-export register of an area on a day as XLSX in the readers' format: figures by commune and country,
 * then one row per worker. Vietnamese headers and country names, counts and amounts as numbers, days as readers
 * write them ({@link Formats}).
 */
final class LabourWorkbook {

    static final List<String> FIGURE_HEADERS = List.of("Mã xã", "Xã", "Nước đến", "Số lao động", "Đang ở nước ngoài",
            "Đã về nước", "Phá hợp đồng", "Số hộ", "Có vay vốn", "Xuất cảnh trong năm");
    static final List<String> WORKER_HEADERS = List.of("Mã xã", "Mã hộ", "Người lao động", "Nước đến", "Loại hợp đồng",
            "Ngày xuất cảnh", "Thời hạn hợp đồng (tháng)", "Ngày về nước", "Tình trạng", "Được hỗ trợ đào tạo",
            "Khế ước vay", "Hỗ trợ chi phí (đồng)");
    static final Map<String, String> STATUSES = Map.of("abroad", "Đang ở nước ngoài", "returned", "Đã về nước",
            "broke_contract", "Phá hợp đồng, về trước hạn");
    static final Map<String, String> TYPES = Map.of("enterprise", "Qua doanh nghiệp dịch vụ", "public_programme",
            "Chương trình của Nhà nước (EPS, …)", "intern_trainee", "Thực tập sinh kỹ năng", "individual",
            "Hợp đồng cá nhân", "other", "Khác");

    private LabourWorkbook() {
    }

    static void write(String areaName, LocalDate on, List<Country> countries, List<Figure> figures, List<Worker> workers,
                      OutputStream out) throws IOException {
        Formats f = Formats.vietnamese();
        Map<String, String> names = countries.stream().collect(Collectors.toMap(Country::code, Country::nameVi));
        WorkbookBuilder workbook = WorkbookBuilder.create();
        WorkbookBuilder.SheetBuilder sheet = workbook.sheet("Tổng hợp")
                .title("Người lao động đi làm việc ở nước ngoài theo hợp đồng — " + areaName + " — ngày " + f.date(on))
                .blank()
                .header(FIGURE_HEADERS);
        for (Figure x : figures) {
            sheet.row().text(x.unitCode()).text(x.unitName()).text(names.getOrDefault(x.countryCode(), x.countryCode()))
                    .number(x.workers()).number(x.abroad()).number(x.returned()).number(x.brokeContract())
                    .number(x.households()).number(x.withLoan()).number(x.departedInYear());
        }
        WorkbookBuilder.SheetBuilder second = workbook.sheet("Người lao động").header(WORKER_HEADERS);
        for (Worker w : workers) {
            second.row().text(w.communeCode()).text(w.householdCode()).text(w.memberName())
                    .text(names.getOrDefault(w.countryCode(), w.countryCode())).text(TYPES.get(w.contractType()))
                    .text(f.date(w.departedOn())).numberOrNothing(w.contractMonths()).text(f.date(w.returnedOn()))
                    .text(STATUSES.get(w.status())).text(w.trainingSupport() ? "Có" : "Không")
                    .text(w.loanContractNo() == null ? "" : w.loanContractNo()).numberOrNothing(w.feesSupport());
        }
        sheet.widths(FIGURE_HEADERS.size(), c -> c == 1 || c == 2 ? 30 : 14);
        second.widths(WORKER_HEADERS.size(), c -> c == 2 || c == 4 ? 30 : 16);
        workbook.write(out);
    }
}
