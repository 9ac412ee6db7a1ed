package vn.giamngheo.livelihood;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.giamngheo.livelihood.ModelRecords.Model;
import vn.giamngheo.livelihood.ModelRecords.Participant;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The models of an area with their participant mix, the check of the target share and the outcomes, and one row
 * per participant, as XLSX with Vietnamese headers. Texts are plain string cells, counts and amounts numeric.
 */
final class ModelWorkbook {

    static final List<String> MODEL_HEADERS = List.of("Mô hình", "Loại", "Xã", "Thôn", "Nội dung/tiểu dự án", "Nguồn kinh phí",
            "Bắt đầu", "Kết thúc", "Cơ quan chủ trì", "Số hộ tham gia", "Hộ nghèo", "Hộ cận nghèo", "Hộ mới thoát nghèo",
            "Hộ dân tộc thiểu số", "Hộ khác", "Tỷ lệ hộ đối tượng (%)", "Đánh giá", "Số hộ có thu nhập trước và sau",
            "Thu nhập bình quân trước (đồng/người/tháng)", "Thu nhập bình quân sau (đồng/người/tháng)",
            "Số hộ đã có quyết định sau khi tham gia", "Số hộ đã thoát");
    static final List<String> PARTICIPANT_HEADERS = List.of("Mô hình", "Mã hộ", "Chủ hộ", "Thôn", "Ngày tham gia",
            "Tình trạng khi tham gia", "Nhóm đối tượng", "Thu nhập trước", "Thu nhập sau", "Tình trạng ở quyết định tiếp theo",
            "Hiệu lực từ", "Đã thoát");
    static final Map<String, String> KINDS = Map.of("livestock", "Chăn nuôi", "crops", "Trồng trọt", "crafts", "Ngành nghề thủ công",
            "community_tourism", "Du lịch cộng đồng", "start_up", "Khởi nghiệp", "other", "Khác");
    static final Map<String, String> STATUSES = Map.of(PovertyStatus.POOR.code(), "Hộ nghèo", PovertyStatus.NEAR_POOR.code(), "Hộ cận nghèo",
            PovertyStatus.AVERAGE.code(), "Hộ có mức sống trung bình", PovertyStatus.NOT_POOR.code(), "Không nghèo");
    static final Map<String, String> GROUPS = Map.of(PovertyStatus.POOR.code(), "Hộ nghèo", PovertyStatus.NEAR_POOR.code(), "Hộ cận nghèo",
            "newly_escaped", "Hộ mới thoát nghèo", "ethnic_minority", "Hộ dân tộc thiểu số");
    static final Map<String, String> VERDICTS = Map.of("no_participants", "Chưa có hộ tham gia",
            "below_required", "Dưới tỷ lệ tối thiểu", "required_met", "Đạt tỷ lệ tối thiểu", "preferred", "Đạt tỷ lệ ưu tiên");

    private ModelWorkbook() {
    }

    static void write(String areaName, List<Model> models, Map<Long, List<Participant>> participants, OutputStream out)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = workbook.createSheet("Mô hình giảm nghèo");
            int r = 0;
            text(sheet.createRow(r++), 0, "Mô hình giảm nghèo: thành phần hộ tham gia và kết quả — " + areaName);
            r++;
            header(sheet.createRow(r++), MODEL_HEADERS, bold);
            for (Model m : models) {
                Row row = sheet.createRow(r++);
                int c = 0;
                for (String s : new String[] {m.name(), KINDS.get(m.kind()), m.communeName(), m.villageName(), m.programmeItem(),
                        m.budgetLine(), m.startsOn().toString(), m.endsOn().toString(), m.leadAgency()}) {
                    text(row, c++, s);
                }
                for (int n : new int[] {m.mix().participants(), m.mix().poor(), m.mix().nearPoor(), m.mix().newlyEscaped(),
                        m.mix().ethnicMinority(), m.mix().others()}) {
                    row.createCell(c++).setCellValue(n);
                }
                if (m.mix().percent() != null) {
                    row.createCell(c).setCellValue(m.mix().percent().doubleValue());
                }
                c++;
                text(row, c++, VERDICTS.get(m.mix().verdict().code()));
                row.createCell(c++).setCellValue(m.outcomes().withIncomes());
                number(row, c++, m.outcomes().averageBefore());
                number(row, c++, m.outcomes().averageAfter());
                row.createCell(c++).setCellValue(m.outcomes().decidedSince());
                row.createCell(c).setCellValue(m.outcomes().escapedSince());
            }
            Sheet second = workbook.createSheet("Hộ tham gia");
            r = 0;
            header(second.createRow(r++), PARTICIPANT_HEADERS, bold);
            for (Model m : models) {
                for (Participant p : participants.getOrDefault(m.id(), List.of())) {
                    Row row = second.createRow(r++);
                    text(row, 0, m.name());
                    text(row, 1, p.householdCode());
                    text(row, 2, p.headName());
                    text(row, 3, p.villageName());
                    text(row, 4, p.joinedOn().toString());
                    text(row, 5, p.statusAtJoin() == null ? "" : STATUSES.get(p.statusAtJoin()));
                    text(row, 6, p.targetGroup() == null ? "Không thuộc nhóm đối tượng" : GROUPS.get(p.targetGroup()));
                    number(row, 7, p.incomeBefore());
                    number(row, 8, p.incomeAfter());
                    text(row, 9, p.nextStatus() == null ? "" : STATUSES.get(p.nextStatus()));
                    text(row, 10, p.nextStatusFrom() == null ? "" : p.nextStatusFrom().toString());
                    text(row, 11, p.escapedSince() == null ? "" : p.escapedSince() ? "Có" : "Không");
                }
            }
            for (int c = 0; c < MODEL_HEADERS.size(); c++) {
                sheet.setColumnWidth(c, c == 0 || c == 2 || c == 8 ? 30 * 256 : 14 * 256);
            }
            for (int c = 0; c < PARTICIPANT_HEADERS.size(); c++) {
                second.setColumnWidth(c, c == 0 || c == 2 ? 28 * 256 : 16 * 256);
            }
            workbook.write(out);
        }
    }

    private static void header(Row row, List<String> headers, CellStyle bold) {
        for (int c = 0; c < headers.size(); c++) {
            text(row, c, headers.get(c)).setCellStyle(bold);
        }
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        return cell;
    }

    private static void number(Row row, int column, Long value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }
}
