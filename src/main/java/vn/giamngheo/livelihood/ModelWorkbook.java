package vn.giamngheo.livelihood;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import vn.giamngheo.document.WorkbookBuilder;
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
        WorkbookBuilder workbook = WorkbookBuilder.create();
        WorkbookBuilder.SheetBuilder sheet = workbook.sheet("Mô hình giảm nghèo")
                .title("Mô hình giảm nghèo: thành phần hộ tham gia và kết quả — " + areaName)
                .blank()
                .header(MODEL_HEADERS);
        for (Model m : models) {
            WorkbookBuilder.RowBuilder row = sheet.row();
            for (String s : new String[] {m.name(), KINDS.get(m.kind()), m.communeName(), m.villageName(), m.programmeItem(),
                    m.budgetLine(), m.startsOn().toString(), m.endsOn().toString(), m.leadAgency()}) {
                row.text(s);
            }
            for (int n : new int[] {m.mix().participants(), m.mix().poor(), m.mix().nearPoor(), m.mix().newlyEscaped(),
                    m.mix().ethnicMinority(), m.mix().others()}) {
                row.number(n);
            }
            row.numberOrNothing(m.mix().percent()).text(VERDICTS.get(m.mix().verdict().code()))
                    .number(m.outcomes().withIncomes()).numberOrNothing(m.outcomes().averageBefore())
                    .numberOrNothing(m.outcomes().averageAfter()).number(m.outcomes().decidedSince())
                    .number(m.outcomes().escapedSince());
        }
        WorkbookBuilder.SheetBuilder second = workbook.sheet("Hộ tham gia").header(PARTICIPANT_HEADERS);
        for (Model m : models) {
            for (Participant p : participants.getOrDefault(m.id(), List.of())) {
                second.row().text(m.name()).text(p.householdCode()).text(p.headName()).text(p.villageName())
                        .text(p.joinedOn().toString())
                        .text(p.statusAtJoin() == null ? "" : STATUSES.get(p.statusAtJoin()))
                        .text(p.targetGroup() == null ? "Không thuộc nhóm đối tượng" : GROUPS.get(p.targetGroup()))
                        .numberOrNothing(p.incomeBefore()).numberOrNothing(p.incomeAfter())
                        .text(p.nextStatus() == null ? "" : STATUSES.get(p.nextStatus()))
                        .text(p.nextStatusFrom() == null ? "" : p.nextStatusFrom().toString())
                        .text(p.escapedSince() == null ? "" : p.escapedSince() ? "Có" : "Không");
            }
        }
        sheet.widths(MODEL_HEADERS.size(), c -> c == 0 || c == 2 || c == 8 ? 30 : 14);
        second.widths(PARTICIPANT_HEADERS.size(), c -> c == 0 || c == 2 ? 28 : 16);
        workbook.write(out);
    }
}
