package vn.giamngheo.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.giamngheo.budget.BudgetLines;
import vn.giamngheo.budget.rules.BudgetColumn;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.document.LibreOffice;
import vn.giamngheo.format.Formats;
import vn.giamngheo.movement.MovementReport;
import vn.giamngheo.movement.MovementService;
import vn.giamngheo.plan.InvalidPlanException;
import vn.giamngheo.plan.Plan;
import vn.giamngheo.plan.PlanService;
import vn.giamngheo.programme.ProgrammeCatalogue;
import vn.giamngheo.report.RecognisedFigures;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.UserAccounts;

/**
 * One source of truth (issue 22 point 4): the documents of the demonstration drafted and read back with POI, every
 * figure of their tables compared with the services of the pages (the report's counts, the plans, the movements, the
 * cost table); versions kept and downloaded again byte for byte; a re-draft after the data changed says what changed;
 * the narrative's version check; the DOCX converted by LibreOffice.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"giamngheo.demo.enabled=true", "giamngheo.demo.households=240", "giamngheo.demo.province=08"})
class DraftedDocumentsTest {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Formats F = Formats.vietnamese();

    @Autowired Drafts drafts;
    @Autowired vn.giamngheo.system.DatabaseOwner databaseOwner;
    @Autowired PlanService plans;
    @Autowired RecognisedFigures figures;
    @Autowired MovementService movements;
    @Autowired BudgetLines budget;
    @Autowired ProgrammeCatalogue programme;
    @Autowired UserAccounts users;
    @Autowired vn.giamngheo.task.PlanTasks planTasks;
    @Autowired org.springframework.web.context.WebApplicationContext context;

    private CurrentUser tinh() {
        return users.findByUsername("tinh").orElseThrow();
    }

    private Plan provincePlan(CurrentUser user) {
        return plans.list(2026, user).stream().filter(p -> p.parentPlanId() == null && p.unitLevel().equals("province"))
                .findFirst().orElseThrow();
    }

    @Test
    void everyFigureOfTheDraftedPlanIsTheFigureOfTheServices() throws Exception {
        CurrentUser user = tinh();
        Plan plan = provincePlan(user);
        long started = System.nanoTime();
        Drafts.Drafted d = drafts.draft(plan.id(), DraftKind.PLAN, VI, user);
        System.out.printf("drafting the province's plan (DOCX and PDF, %d communes): %d ms%n",
                plans.children(plan.id(), user).size(), (System.nanoTime() - started) / 1_000_000);
        XWPFDocument doc = docx(drafts.file(plan.id(), d.version().id(), "docx", user));

        // I. situation: the report's counts of the decided lists of 2026
        RecognisedFigures.UnitCounts c = figures.ofUnit(plan.unitId(), 2026, user);
        assertThat(c.hasData()).isTrue();
        assertThat(c.poor()).isPositive();
        List<List<String>> situation = rows(table(doc, "Chỉ tiêu"));
        assertThat(situation.get(1)).containsExactly("1", "Tổng số hộ", F.count(c.households()), "");
        assertThat(situation.get(2)).containsExactly("2", "Hộ nghèo", F.count(c.poor()), F.decimal(rate(c.poor(), c.households()), 2));
        assertThat(situation.get(3).get(2)).isEqualTo(F.count(c.poorEthnicMinority()));
        assertThat(situation.get(4).get(2)).isEqualTo(F.count(c.poorSocialProtection()));
        assertThat(situation.get(5).get(2)).isEqualTo(F.count(c.poorMerit()));
        assertThat(situation.get(6)).containsExactly("3", "Hộ cận nghèo", F.count(c.nearPoor()),
                F.decimal(rate(c.nearPoor(), c.households()), 2));
        assertThat(situation.get(7).get(2)).isEqualTo(F.count(c.nearPoorEthnicMinority()));
        assertThat(situation.get(8).get(2)).isEqualTo(F.count(c.nearPoorSocialProtection()));
        assertThat(situation.get(9).get(2)).isEqualTo(F.count(c.nearPoorMerit()));

        // movements of 2025 (how the baseline came about): the movement page's reconciliation
        MovementReport m = movements.between(plan.unitId(), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), user);
        List<List<String>> moves = rows(table(doc, "Đầu kỳ"));
        assertThat(moves.get(1)).containsExactly("Hộ nghèo", F.count(m.poor().start()), F.count(m.poor().escaped()),
                F.count(m.poor().reEntered()), F.count(m.poor().newlyEntered()), F.count(m.poor().end()));
        assertThat(moves.get(2)).containsExactly("Hộ cận nghèo", F.count(m.nearPoor().start()), F.count(m.nearPoor().escaped()),
                F.count(m.nearPoor().reEntered()), F.count(m.nearPoor().newlyEntered()), F.count(m.nearPoor().end()));

        // II. the target table: one line per commune's plan as PlanService holds it, the total their sum
        List<List<String>> targets = rows(table(doc, "3 = 2/1"));
        int numbers = indexOf(targets, "3 = 2/1");
        assertThat(targets.get(numbers)).containsExactlyElementsOf(TargetLine.NUMBERS);
        List<Plan> children = plans.children(plan.id(), user).stream().filter(p -> p.households() > 0 || p.poor() > 0).toList();
        assertThat(children).hasSizeGreaterThan(1);
        long households = 0;
        long poor = 0;
        long reduction = 0;
        long nearPoor = 0;
        for (Plan child : children) {
            List<String> row = targets.stream().filter(r -> r.get(1).equals(child.unitName())).findFirst().orElseThrow();
            assertThat(row.subList(2, 18)).containsExactly(F.count(child.households()), F.count(child.poor()),
                    F.decimal(child.poorRate(), 2), F.count(child.poorReduction()), F.decimal(child.poorReductionPoints(), 2),
                    F.count(child.poorEnd()), F.decimal(child.poorEndRate(), 2), F.count(child.poorPolicy()),
                    F.decimal(child.poorPolicyRate(), 2), F.count(child.poorSocialProtection()),
                    F.decimal(child.poorSocialProtectionRate(), 2), F.count(child.nearPoor()), F.decimal(child.nearPoorRate(), 2),
                    F.count(child.nearPoorReduction()), F.count(child.nearPoorEnd()),
                    F.decimal(rate(child.nearPoorEnd(), child.households()), 2));
            households += child.households();
            poor += child.poor();
            reduction += child.poorReduction();
            nearPoor += child.nearPoor();
        }
        List<String> total = targets.get(targets.size() - 1);
        assertThat(total.get(1)).isEqualTo("Tổng số");
        assertThat(total.subList(2, 7)).containsExactly(F.count(households), F.count(poor), F.decimal(rate(poor, households), 2),
                F.count(reduction), F.decimal(rate(reduction, households), 2));
        assertThat(total.get(13)).isEqualTo(F.count(nearPoor));

        // IV. the budget by source: the cost table's total row at each stage
        String period = programme.periodOf(2026).code();
        var view = budget.costView(plan.unitId(), 2026, period, BudgetStage.ALLOCATED, user);
        List<List<String>> money = rows(table(doc, "Ngân sách trung ương"));
        CostTable.Row need = view.tables().get(BudgetStage.NEED).total();
        CostTable.Row allocated = view.tables().get(BudgetStage.ALLOCATED).total();
        assertThat(money.get(1)).containsExactly("Nhu cầu", F.millions(need.column(BudgetColumn.TOTAL)),
                F.millions(need.column(BudgetColumn.CENTRAL)), F.millions(need.column(BudgetColumn.LOCAL)),
                F.millions(need.column(BudgetColumn.BANK)), F.millions(need.column(BudgetColumn.MOBILISED)));
        assertThat(money.get(2).get(1)).isEqualTo(F.millions(allocated.column(BudgetColumn.TOTAL)));

        // III. tasks with their agencies, V. the schedule, and the checker's annex
        String text = text(doc);
        List<vn.giamngheo.task.PlanTask> tasks = planTasks.ofPlan(plan.id(), user.scope());
        long items = programme.items(period).stream().filter(i -> !i.kind().equals("policy")).count();
        if (!tasks.isEmpty()) {
            List<List<String>> taskRows = rows(table(doc, "Sản phẩm"));
            assertThat(taskRows).hasSize(tasks.size() + 1);
            for (int i = 0; i < tasks.size(); i++) {
                vn.giamngheo.task.PlanTask task = tasks.get(i);
                assertThat(taskRows.get(i + 1).get(0)).isEqualTo(task.itemCode());
                assertThat(taskRows.get(i + 1).get(2)).isEqualTo(task.lead() == null ? "" : task.lead().name(VI));
                for (vn.giamngheo.task.TaskOutput o : task.outputs()) {
                    if (o.target() != null) {
                        assertThat(taskRows.get(i + 1).get(5)).contains(F.upTo(o.target(), 2));
                    }
                }
            }
        } else if (items > 0) {
            assertThat(rows(table(doc, "Cơ quan chủ trì"))).hasSize((int) items + 1);
        } else {
            assertThat(text(doc)).contains("Không có hạng mục chương trình nào cho năm này.");
        }
        assertThat(text).contains("KẾ HOẠCH THỰC HIỆN CÔNG TÁC GIẢM NGHÈO BỀN VỮNG NĂM 2026", "Báo cáo 6 tháng: số liệu từ ngày",
                "PHỤ LỤC: KIỂM TRA BIỂU CHỈ TIÊU", "Công cụ kiểm tra kế hoạch không phát hiện lỗi nào",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số:", "/KH-UBND", "Nơi nhận:");
        assertThat(d.version().findings()).isZero();
        assertThat(d.version().figures()).containsEntry("situation.poor", String.valueOf(c.poor()))
                .containsEntry("target.total.households", String.valueOf(households));
        byte[] pdf = drafts.file(plan.id(), d.version().id(), "pdf", user);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void aReportIsKeptAndARedraftAfterTheDataChangedSaysWhatChanged() throws Exception {
        CurrentUser user = tinh();
        Plan plan = provincePlan(user);
        Plan child = plans.children(plan.id(), user).stream().filter(p -> p.state().editable() && p.poor() > p.poorReduction())
                .findFirst().orElseThrow();
        Drafts.Drafted first = drafts.draft(plan.id(), DraftKind.ANNUAL, VI, user);
        byte[] firstDocx = drafts.file(plan.id(), first.version().id(), "docx", user);
        String text = text(docx(firstDocx));
        assertThat(text).contains("BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC GIẢM NGHÈO BỀN VỮNG NĂM 2026", "/BC-UBND",
                "Kết quả so với chỉ tiêu đến ngày", "Báo cáo quá hạn đến ngày");
        // the results table: the tracking of the plan as the plan page shows it
        PlanService.Tracking tracking = plans.track(plan.id(), first.version().asOf(), user);
        List<List<String>> results = rows(table(docx(firstDocx), "Dự kiến cả năm"));
        List<String> total = results.get(results.size() - 1);
        assertThat(total.subList(1, 6)).containsExactly(F.count(tracking.plan().poor()), F.count(tracking.progress().target()),
                F.count(tracking.poorNow()), F.count(tracking.progress().achieved()), F.count(tracking.progress().projected()));

        plans.adjust(child.id(), child.version(), child.poorReduction() + 1, child.nearPoorReduction(), "re-draft test", user);
        Drafts.Drafted second = drafts.draft(plan.id(), DraftKind.ANNUAL, VI, user);
        assertThat(second.previousId()).isEqualTo(first.version().id());
        Map<String, Drafts.Change> changes = second.changes().stream()
                .collect(Collectors.toMap(Drafts.Change::key, x -> x));
        assertThat(changes.get("target." + child.unitCode() + ".reduction"))
                .isEqualTo(new Drafts.Change("target." + child.unitCode() + ".reduction", String.valueOf(child.poorReduction()),
                        String.valueOf(child.poorReduction() + 1)));
        assertThat(changes).containsKey("target.total.reduction").doesNotContainKey("situation.poor");

        // both versions listed, newest first, the first downloaded again byte for byte
        List<Drafts.Drafted> history = drafts.history(plan.id(), DraftKind.ANNUAL, user);
        assertThat(history.get(0).version().id()).isEqualTo(second.version().id());
        assertThat(history.stream().map(h -> h.version().id())).contains(first.version().id());
        assertThat(drafts.file(plan.id(), first.version().id(), "docx", user)).isEqualTo(firstDocx);
        // a commune officer of another commune does not find the province's plan
        CurrentUser xa = users.findByUsername("xa").orElseThrow();
        assertThatThrownBy(() -> drafts.file(plan.id(), first.version().id(), "docx", xa))
                .isInstanceOf(vn.giamngheo.plan.PlanNotFoundException.class);
    }

    @Test
    void aNarrativeSavedUnchangedStoresNothing() {
        CurrentUser user = tinh();
        Plan plan = provincePlan(user);
        // the context (and its database) is shared with other test classes, some of which write this plan's annual
        // narrative (EditVersionGuardTest): start from a narrative never written
        org.springframework.jdbc.core.simple.JdbcClient.create(databaseOwner.dataSource())
                .sql("DELETE FROM draft_narrative WHERE plan_id = :p AND kind = 'annual'").param("p", plan.id()).update();
        Narratives.Narrative none = drafts.narrative(plan.id(), DraftKind.ANNUAL, user);
        assertThat(none.version()).isZero();
        // the empty form of a narrative never written, sent as shown: still none
        Map<String, String> blank = Map.of("difficulties", "", "causes", " ");
        assertThat(drafts.saveNarrative(plan.id(), DraftKind.ANNUAL, blank, 0, user).version()).isZero();
        assertThat(drafts.narrative(plan.id(), DraftKind.ANNUAL, user).version()).isZero();
        Narratives.Narrative written = drafts.saveNarrative(plan.id(), DraftKind.ANNUAL,
                Map.of("difficulties", "Mưa lũ kéo dài."), 0, user);
        assertThat(written.version()).isEqualTo(1);
        // the same text as the form shows it again (a browser's line ends, a blank section): the version stays
        assertThat(drafts.saveNarrative(plan.id(), DraftKind.ANNUAL, Map.of("difficulties", "Mưa lũ kéo dài.\r\n",
                "causes", ""), 1, user).version()).isEqualTo(1);
        assertThat(drafts.saveNarrative(plan.id(), DraftKind.ANNUAL, Map.of("difficulties", "Mưa lũ kéo dài thêm."), 1, user)
                .version()).isEqualTo(2);
        // emptied again, for the drafts of the other tests of the plan
        assertThat(drafts.saveNarrative(plan.id(), DraftKind.ANNUAL, Map.of(), 2, user).sections()).isEmpty();
    }

    @Test
    void theNarrativeIsSavedAtTheVersionItWasReadAtAndPrinted() throws Exception {
        CurrentUser user = tinh();
        Plan plan = provincePlan(user);
        Narratives.Narrative now = drafts.narrative(plan.id(), DraftKind.HALF_YEAR, user);
        Narratives.Narrative saved = drafts.saveNarrative(plan.id(), DraftKind.HALF_YEAR,
                Map.of("difficulties", "Địa bàn rộng, giao thông khó khăn.\nNguồn lực còn hạn chế."), now.version(), user);
        assertThat(saved.version()).isEqualTo(now.version() + 1);
        assertThatThrownBy(() -> drafts.saveNarrative(plan.id(), DraftKind.HALF_YEAR, Map.of("causes", "x"), now.version(), user))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("drafting.error.stale");
        assertThatThrownBy(() -> drafts.saveNarrative(plan.id(), DraftKind.HALF_YEAR, Map.of("nonsense", "x"), saved.version(), user))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("drafting.error.section");
        assertThatThrownBy(() -> drafts.saveNarrative(plan.id(), DraftKind.HALF_YEAR, Map.of("causes", "x"), null, user))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("drafting.error.version-required");
        CurrentUser bo = users.findByUsername("bo").orElseThrow();
        assertThatThrownBy(() -> drafts.saveNarrative(plan.id(), DraftKind.HALF_YEAR, Map.of("causes", "x"), saved.version(), bo))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        Drafts.Drafted d = drafts.draft(plan.id(), DraftKind.HALF_YEAR, VI, user);
        assertThat(d.version().narrativeVersion()).isEqualTo(saved.version());
        byte[] bytes = drafts.file(plan.id(), d.version().id(), "docx", user);
        String text = text(docx(bytes));
        assertThat(text).contains("II. KHÓ KHĂN, HẠN CHẾ", "Địa bàn rộng, giao thông khó khăn.", "Nguồn lực còn hạn chế.",
                "6 THÁNG ĐẦU NĂM 2026");

        // LibreOffice opens the Word file: the same words, A4 landscape pages, rendered to PNG to be looked at
        LibreOffice.require();
        Path pdf = LibreOffice.convert("drafted-half-year.docx", bytes);
        assertThat(LibreOffice.text(pdf)).contains("BÁO CÁO", "GIẢM NGHÈO BỀN VỮNG",
                "Địa bàn rộng, giao thông khó khăn.", "Tổng số");
        assertThat(LibreOffice.pageSizes(pdf)).allSatisfy(s -> assertThat(s[0]).isGreaterThan(s[1]));
        assertThat(LibreOffice.renderPages(pdf)).isPositive();
        Path planPdf = LibreOffice.convert("drafted-plan.docx", drafts.file(plan.id(),
                drafts.draft(plan.id(), DraftKind.PLAN, VI, user).version().id(), "docx", user));
        assertThat(LibreOffice.text(planPdf)).contains("KẾ HOẠCH", "3 = 2/1", "7 = 6/1", "Tổng số");
        assertThat(LibreOffice.renderPages(planPdf)).isPositive();
    }

    @Test
    void thePagesAnswerInBothLanguagesAndOutsidersFindNothing() throws Exception {
        CurrentUser user = tinh();
        Plan plan = provincePlan(user);
        drafts.draft(plan.id(), DraftKind.ANNUAL, VI, user);
        org.springframework.test.web.servlet.MockMvc mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders
                .webAppContextSetup(context).apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers
                        .springSecurity()).build();
        for (String page : List.of("document", "reports/half-year", "reports/annual")) {
            for (String lang : List.of("vi", "en")) {
                var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/plans/" + plan.id() + "/" + page).param("lang", lang)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user)))
                        .andReturn().getResponse();
                assertThat(response.getStatus()).as(page + " " + lang).isEqualTo(200);
                String html = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
                assertThat(html).contains("narrative-form", "draft-button").doesNotContain("drafting.");
                if (page.equals("reports/annual")) {
                    assertThat(html).contains("draft-versions", lang.equals("vi") ? "Bản đầu tiên" : "First version");
                }
            }
        }
        CurrentUser xa = users.findByUsername("xa").orElseThrow();
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/plans/" + plan.id() + "/document")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(xa)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/plans/" + plan.id() + "/drafts").param("kind", "annual")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(xa)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    static BigDecimal rate(long count, long all) {
        return BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_UP);
    }

    static XWPFDocument docx(byte[] bytes) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    /** The first table with a cell of exactly this text. */
    static XWPFTable table(XWPFDocument doc, String cell) {
        return doc.getTables().stream().filter(t -> rows(t).stream().anyMatch(r -> r.contains(cell))).findFirst()
                .orElseThrow(() -> new AssertionError("no table with a cell " + cell));
    }

    static List<List<String>> rows(XWPFTable t) {
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow r : t.getRows()) {
            rows.add(r.getTableCells().stream().map(c -> c.getText().strip()).toList());
        }
        return rows;
    }

    static int indexOf(List<List<String>> rows, String cell) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(cell)) {
                return i;
            }
        }
        return -1;
    }

    static String text(XWPFDocument doc) {
        StringBuilder b = new StringBuilder();
        doc.getBodyElements().forEach(e -> {
            if (e instanceof org.apache.poi.xwpf.usermodel.XWPFParagraph p) {
                b.append(p.getText()).append('\n');
            } else if (e instanceof XWPFTable t) {
                b.append(t.getText()).append('\n');
            }
        });
        return b.toString();
    }
}
