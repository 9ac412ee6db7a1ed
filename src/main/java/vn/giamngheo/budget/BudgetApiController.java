package vn.giamngheo.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.giamngheo.budget.rules.BudgetColumn;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.budget.rules.FundingSource;
import vn.giamngheo.table.Finding;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeCatalogue;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.programme.ProgrammeWeb;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** REST API of the budget: a unit's budget lines, the cost table with its checks, the import of a printed cost table. */
@RestController
@RequestMapping("/api/v1")
class BudgetApiController {

    private final ProgrammeCatalogue catalogue;
    private final BudgetLines lines;
    private final BudgetImport budgetImport;

    BudgetApiController(ProgrammeCatalogue catalogue, BudgetLines lines, BudgetImport budgetImport) {
        this.catalogue = catalogue;
        this.lines = lines;
        this.budgetImport = budgetImport;
    }

    /** A budget line as the API reads and writes it: source code and the four stages, million VND. */
    record LineView(long itemId, String source, BigDecimal need, BigDecimal allocated, BigDecimal disbursed, BigDecimal settled) {
        static LineView of(BudgetLine l) {
            return new LineView(l.itemId(), l.source().code(), l.amounts().need(), l.amounts().allocated(),
                    l.amounts().disbursed(), l.amounts().settled());
        }

        BudgetLine toLine() {
            return new BudgetLine(itemId, FundingSource.ofCode(source).orElse(null),
                    new StageAmounts(zero(need), zero(allocated), zero(disbursed), zero(settled)));
        }

        private static BigDecimal zero(BigDecimal v) {
            return v == null ? BigDecimal.ZERO : v;
        }
    }

    /**
     * The unit's own lines of the year and period; the {@code ETag} is the version of its lines of the year.
     * @param unit id of a unit of the caller's area
     * @param year the budget year
     * @param period the period of the programme's catalogue, e.g. 2026-2030
     */
    @GetMapping("/budget/lines")
    ResponseEntity<List<LineView>> budgetLines(@RequestParam long unit, @RequestParam int year, @RequestParam String period) {
        CurrentUser user = CurrentUsers.require();
        List<LineView> body = lines.ownLines(unit, year, period, user).stream().map(LineView::of).toList();
        return ResponseEntity.ok().eTag(lines.gridVersion(unit, year, user)).body(body);
    }

    /**
     * Saves a unit's budget lines of a year.
     *
     * Saves the given lines of the unit's year (a line of all zeros removes it), from the lines as read: the version
     * ({@code ETag} of the GET) in {@code If-Match} or {@code version} is required; lines changed since are refused.
     * @param unit id of a unit of the caller's area
     * @param year the budget year
     * @param version the version of the lines as read (the {@code ETag} of the GET); or {@code If-Match}
     * @param ifMatch the version of the lines as read, as an HTTP precondition (or {@code version})
     * @param body the lines: item, funding source and the four stages (need, allocated, disbursed, settled), million VND
     */
    @PutMapping("/budget/lines")
    ResponseEntity<List<LineView>> saveLines(@RequestParam long unit, @RequestParam int year,
                                             @RequestParam(required = false) String version,
                                             @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                             @RequestBody List<LineView> body) {
        CurrentUser user = CurrentUsers.require();
        lines.saveLines(unit, year, body.stream().map(LineView::toLine).toList(), version != null ? version : ifMatch, user);
        List<LineView> all = new ArrayList<>();
        catalogue.periods().forEach(p -> lines.ownLines(unit, year, p.code(), user).forEach(l -> all.add(LineView.of(l))));
        return ResponseEntity.ok().eTag(lines.gridVersion(unit, year, user)).body(all);
    }

    /** A row of the cost table: amounts by printed column, the central split and the disbursement rate. */
    record CostRowView(String level, String code, String item, String leadAgency, Map<String, BigDecimal> amounts,
                       BigDecimal disbursementRate) {
    }

    record CostTableView(String unit, int year, String period, String stage, List<CostRowView> rows, List<Finding> findings) {
    }

    /**
     * The cost table of the programme for a unit, as printed, with its checks.
     * The amounts by printed column for each project and sub-project of the programme, the central budget's split and
     * the disbursement rate, and the findings of the checks (sums, shares) of the table.
     * @param unit id of a unit of the caller's area (default: the caller's own)
     * @param year the budget year
     * @param period the period of the programme's catalogue, e.g. 2026-2030
     * @param stage need, allocated (default), disbursed or settled
     */
    @GetMapping("/budget/cost-table")
    CostTableView costTable(@RequestParam(required = false) Long unit, @RequestParam int year, @RequestParam String period,
                            @RequestParam(defaultValue = "allocated") String stage) {
        BudgetStage s = BudgetStage.ofCode(stage).orElseThrow(() -> new InvalidProgrammeException(
                ProgrammeProblem.of("stage", "programme.problem.stage", stage)));
        CostView view = lines.costView(unit, year, period, s, CurrentUsers.require());
        List<CostRowView> rows = new ArrayList<>();
        for (int i = 0; i < view.rows().size(); i++) {
            CostTable.Row r = view.rows().get(i);
            Map<String, BigDecimal> amounts = new LinkedHashMap<>();
            for (BudgetColumn c : BudgetColumn.values()) {
                amounts.put(c.header(), r.column(c));
            }
            amounts.put(FundingSource.CENTRAL_INVESTMENT.code(), r.amount(FundingSource.CENTRAL_INVESTMENT));
            amounts.put(FundingSource.CENTRAL_RECURRENT.code(), r.amount(FundingSource.CENTRAL_RECURRENT));
            rows.add(new CostRowView(r.level().name().toLowerCase(), r.code(), r.item(), r.leadAgency(), amounts,
                    view.disbursementRate(i).orElse(null)));
        }
        return new CostTableView(view.unitName(), year, period, s.code(), rows, view.check().findings());
    }

    /**
     * Imports a printed cost table (XLSX or CSV) as a unit's budget lines for one stage.
     * A table with errors is refused whole with every problem.
     * @param unit id of a unit of the caller's area
     * @param year the budget year
     * @param period the period of the programme's catalogue
     * @param stage the stage the amounts are: need, allocated, disbursed or settled
     * @param file the cost table, XLSX or CSV
     */
    @PostMapping("/budget/import")
    BudgetImport.Result importBudget(@RequestParam long unit, @RequestParam int year, @RequestParam String period,
                                     @RequestParam String stage, @RequestParam("file") MultipartFile file) {
        BudgetStage s = BudgetStage.ofCode(stage).orElseThrow(() -> new InvalidProgrammeException(
                ProgrammeProblem.of("stage", "programme.problem.stage", stage)));
        return budgetImport.importTable(unit, year, period, s, ProgrammeWeb.readUpload(file), CurrentUsers.require());
    }
}
