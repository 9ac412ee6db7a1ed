package vn.giamngheo.budget;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.FundingSource;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeCatalogue;
import vn.giamngheo.programme.ProgrammeItem;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.programme.ProgrammeUnits;
import vn.giamngheo.programme.ProgrammeWeb;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** Pages of the budget (under {@code /programme/budget}): cost table with roll-up, editing, import, exports. */
@Controller
@RequestMapping("/programme")
class BudgetPageController {

    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    static final String BUDGET = "programme/budget";

    private final ProgrammeCatalogue catalogue;
    private final BudgetLines lines;
    private final BudgetImport budgetImport;
    private final ProgrammeUnits units;
    private final ProgrammeWeb web;
    private final GeographyCatalog geography;

    BudgetPageController(ProgrammeCatalogue catalogue, BudgetLines lines, BudgetImport budgetImport, ProgrammeUnits units,
                         ProgrammeWeb web, GeographyCatalog geography) {
        this.catalogue = catalogue;
        this.lines = lines;
        this.budgetImport = budgetImport;
        this.units = units;
        this.web = web;
        this.geography = geography;
    }

    @GetMapping("/budget")
    String budget(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) String period, @RequestParam(defaultValue = "allocated") String stage, Model model) {
        return showBudget(unit, year, period, stage, List.of(), model);
    }

    @PostMapping("/budget/lines")
    String saveStage(@RequestParam long unit, @RequestParam int year, @RequestParam String period, @RequestParam String stage,
                     @RequestParam(required = false) String version, @RequestParam Map<String, String> form, Model model,
                     RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        BudgetStage s = stage(stage);
        Map<Long, Map<FundingSource, BigDecimal>> cells = new HashMap<>();
        List<ProgrammeProblem> problems = new java.util.ArrayList<>();
        form.forEach((name, value) -> {
            if (!name.startsWith("a_") || value.isBlank()) {
                return;
            }
            String[] parts = name.split("_", 3);
            FundingSource source = parts.length == 3 ? FundingSource.ofCode(parts[2]).orElse(null) : null;
            try {
                if (source == null) {
                    throw new NumberFormatException(name);
                }
                BigDecimal amount = vn.giamngheo.table.PrintedNumber.amount(value).value();
                cells.computeIfAbsent(Long.parseLong(parts[1]), k -> new EnumMap<>(FundingSource.class)).put(source, amount);
            } catch (NumberFormatException e) {
                problems.add(ProgrammeProblem.of(name, "programme.problem.not-a-number", value));
            }
        });
        try {
            if (!problems.isEmpty()) {
                throw new InvalidProgrammeException(problems);
            }
            lines.saveStage(unit, year, period, s, cells, version, user);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/programme/budget?unit=" + unit + "&year=" + year + "&period=" + period + "&stage=" + s.code();
        } catch (InvalidProgrammeException e) {
            return showBudget(unit, year, period, s.code(), e.problems(), model);
        }
    }

    @PostMapping("/budget/import")
    String importBudget(@RequestParam long unit, @RequestParam int year, @RequestParam String period,
                        @RequestParam String stage, @RequestParam("file") MultipartFile file, Model model,
                        RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        BudgetStage s = stage(stage);
        try {
            BudgetImport.Result result = budgetImport.importTable(unit, year, period, s, ProgrammeWeb.readUpload(file), user);
            redirect.addFlashAttribute("imported", result);
            return "redirect:/programme/budget?unit=" + unit + "&year=" + year + "&period=" + period + "&stage=" + s.code();
        } catch (InvalidProgrammeException e) {
            model.addAttribute("importProblems", e.problems());
            return showBudget(unit, year, period, s.code(), List.of(), model);
        }
    }

    @GetMapping("/budget/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long unit, @RequestParam int year, @RequestParam String period,
                                  @RequestParam(defaultValue = "allocated") String stage, @RequestParam(defaultValue = "xlsx") String format) {
        CurrentUser user = CurrentUsers.require();
        CostView view = lines.costView(web.defaultUnit(user, unit), year, period, stage(stage), user);
        String name = "bieu-kinh-phi-" + year + "-" + stage(stage).code();
        if ("docx".equals(format)) {
            return web.download(CostTableDocx.write(view), DOCX, name + ".docx", "cost_table", web.defaultUnit(user, unit));
        }
        if ("pdf".equals(format)) {
            return web.download(CostTablePdf.write(view), MediaType.APPLICATION_PDF, name + ".pdf", "cost_table", web.defaultUnit(user, unit));
        }
        return web.download(CostTableWorkbook.write(view), ProgrammeWeb.XLSX, name + ".xlsx", "cost_table", web.defaultUnit(user, unit));
    }

    private String showBudget(Long unit, Integer year, String period, String stage, List<ProgrammeProblem> problems, Model model) {
        CurrentUser user = CurrentUsers.require();
        Long unitId = web.defaultUnit(user, unit);
        int y = year == null ? geography.today().getYear() : year;
        String p = period == null || period.isBlank() ? catalogue.periodOf(y).code() : catalogue.period(period).code();
        BudgetStage s = stage(stage);
        CostView view = lines.costView(unitId, y, p, s, user);
        model.addAttribute("view", view);
        // the items' English names, by the rows' keys (the items' ids), for a reader of English
        model.addAttribute("itemNamesEn", catalogue.itemsFor(p, user.scope()).stream().collect(java.util.stream.Collectors.toMap(
                i -> String.valueOf(i.id()), ProgrammeItem::nameEn, (a, b) -> a)));
        model.addAttribute("unitId", unitId);
        model.addAttribute("year", y);
        model.addAttribute("period", p);
        model.addAttribute("stage", s.code());
        model.addAttribute("stageValue", s);
        model.addAttribute("stages", BudgetStage.values());
        model.addAttribute("periods", catalogue.periods());
        model.addAttribute("choices", web.choices(user));
        model.addAttribute("sources", FundingSource.values());
        boolean mayEdit = unitId != null && user.canEdit();
        model.addAttribute("mayEdit", mayEdit);
        if (mayEdit) {
            ProgrammeUnits.Unit editable = units.editable(unitId, user);
            model.addAttribute("leaves", catalogue.leavesOf(p, editable.provinceCode()));
            model.addAttribute("own", lines.ownGrid(unitId, y, p, user));
            model.addAttribute("gridVersion", lines.gridVersion(unitId, y, user));
        }
        model.addAttribute("problems", problems);
        return BUDGET;
    }

    private static BudgetStage stage(String code) {
        return BudgetStage.ofCode(code).orElseThrow(() -> new InvalidProgrammeException(
                ProgrammeProblem.of("stage", "programme.problem.stage", String.valueOf(code))));
    }
}
