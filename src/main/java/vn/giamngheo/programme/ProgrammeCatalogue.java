package vn.giamngheo.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.security.CurrentUser;

/**
 * The programme catalogue as data: periods and their items. Everyone reads it; administrators add
 * periods and items (the 2026–2030 programme is being set up).
 */
@Service
public class ProgrammeCatalogue {

    private final JdbcClient jdbc;

    ProgrammeCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProgrammePeriod> periods() {
        return jdbc.sql("SELECT code, year_from, year_to, name_vi, name_en, legal_basis FROM programme_period ORDER BY year_from")
                .query((rs, n) -> new ProgrammePeriod(rs.getString("code"), rs.getInt("year_from"), rs.getInt("year_to"),
                        rs.getString("name_vi"), rs.getString("name_en"), rs.getString("legal_basis")))
                .list();
    }

    public ProgrammePeriod period(String code) {
        return periods().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new ProgrammeNotFoundException("no programme period " + code));
    }

    /** The period whose years contain {@code year}; the latest such period. */
    public ProgrammePeriod periodOf(int year) {
        return periods().stream().filter(p -> p.yearFrom() <= year && year <= p.yearTo())
                .reduce((a, b) -> b).orElseGet(() -> periods().get(periods().size() - 1));
    }

    /** Active items of a period: policies first, then projects, each followed by its sub-projects. */
    public List<ProgrammeItem> items(String periodCode) {
        List<ProgrammeItem> all = jdbc.sql("""
                        SELECT id, period_code, code, parent_id, kind, sort_order, short_name_vi, name_vi, name_en,
                               lead_agency, partner_agencies, legal_source, confidence, active
                        FROM programme_item WHERE period_code = :period AND active
                        ORDER BY (kind = 'policy') DESC, sort_order, code""")
                .param("period", periodCode)
                .query((rs, n) -> new ProgrammeItem(rs.getLong("id"), rs.getString("period_code"), rs.getString("code"),
                        (Long) rs.getObject("parent_id"), rs.getString("kind"), rs.getInt("sort_order"),
                        rs.getString("short_name_vi"), rs.getString("name_vi"), rs.getString("name_en"),
                        rs.getString("lead_agency"), rs.getString("partner_agencies"), rs.getString("legal_source"),
                        rs.getString("confidence"), rs.getBoolean("active")))
                .list();
        List<ProgrammeItem> ordered = new ArrayList<>();
        for (ProgrammeItem top : all.stream().filter(i -> i.parentId() == null).toList()) {
            ordered.add(top);
            all.stream().filter(i -> Long.valueOf(top.id()).equals(i.parentId())).forEach(ordered::add);
        }
        return ordered;
    }

    public Map<Long, ProgrammeItem> itemsById(String periodCode) {
        return items(periodCode).stream().collect(Collectors.toMap(ProgrammeItem::id, Function.identity()));
    }

    /** Items with no sub-items: the ones budget lines are kept on. */
    public List<ProgrammeItem> leaves(String periodCode) {
        List<ProgrammeItem> items = items(periodCode);
        return items.stream().filter(i -> items.stream().noneMatch(c -> Long.valueOf(i.id()).equals(c.parentId()))).toList();
    }

    @Transactional
    public ProgrammePeriod addPeriod(ProgrammePeriod period, CurrentUser user) {
        requireAdmin(user);
        List<ProgrammeProblem> problems = new ArrayList<>();
        if (period.code() == null || !period.code().matches("\\d{4}-\\d{4}")) {
            problems.add(ProgrammeProblem.of("code", "programme.problem.period-code"));
        } else if (periods().stream().anyMatch(p -> p.code().equals(period.code()))) {
            problems.add(ProgrammeProblem.of("code", "programme.problem.period-exists", period.code()));
        }
        if (period.yearFrom() > period.yearTo() || period.yearFrom() < 2000 || period.yearTo() > 2100) {
            problems.add(ProgrammeProblem.of("yearFrom", "programme.problem.period-years"));
        }
        requireText(problems, "nameVi", period.nameVi(), 300);
        requireText(problems, "nameEn", period.nameEn(), 300);
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
        jdbc.sql("""
                        INSERT INTO programme_period (code, year_from, year_to, name_vi, name_en, legal_basis)
                        VALUES (:code, :from, :to, :vi, :en, :basis)""")
                .param("code", period.code()).param("from", period.yearFrom()).param("to", period.yearTo())
                .param("vi", period.nameVi().strip()).param("en", period.nameEn().strip())
                .param("basis", blankToNull(period.legalBasis()))
                .update();
        return period(period.code());
    }

    /** Adds an item; a sub-project names its project by {@code parentCode}. */
    @Transactional
    public ProgrammeItem addItem(NewItem item, CurrentUser user) {
        requireAdmin(user);
        List<ProgrammeProblem> problems = new ArrayList<>();
        if (periods().stream().noneMatch(p -> p.code().equals(item.periodCode()))) {
            problems.add(ProgrammeProblem.of("periodCode", "programme.problem.period-unknown", String.valueOf(item.periodCode())));
        }
        if (item.code() == null || !item.code().matches("[A-Z0-9][A-Z0-9._-]{0,39}")) {
            problems.add(ProgrammeProblem.of("code", "programme.problem.item-code"));
        }
        if (!List.of(ProgrammeItem.POLICY, ProgrammeItem.PROJECT, ProgrammeItem.SUB_PROJECT).contains(item.kind())) {
            problems.add(ProgrammeProblem.of("kind", "programme.problem.item-kind"));
        }
        Long parentId = null;
        if (ProgrammeItem.SUB_PROJECT.equals(item.kind())) {
            parentId = jdbc.sql("SELECT id FROM programme_item WHERE period_code = :p AND code = :c AND kind = 'project'")
                    .param("p", item.periodCode()).param("c", String.valueOf(item.parentCode())).query(Long.class).optional()
                    .orElse(null);
            if (parentId == null) {
                problems.add(ProgrammeProblem.of("parentCode", "programme.problem.item-parent", String.valueOf(item.parentCode())));
            } else if (jdbc.sql("SELECT count(*) FROM budget_line WHERE item_id = :id").param("id", parentId)
                    .query(Long.class).single() > 0) {
                problems.add(ProgrammeProblem.of("parentCode", "programme.problem.item-parent-has-lines", item.parentCode()));
            }
        }
        requireText(problems, "nameVi", item.nameVi(), 500);
        requireText(problems, "nameEn", item.nameEn(), 500);
        if (problems.isEmpty() && jdbc.sql("SELECT count(*) FROM programme_item WHERE period_code = :p AND code = :c")
                .param("p", item.periodCode()).param("c", item.code()).query(Long.class).single() > 0) {
            problems.add(ProgrammeProblem.of("code", "programme.problem.item-exists", item.code()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
        long id = jdbc.sql("""
                        INSERT INTO programme_item (period_code, code, parent_id, kind, sort_order, short_name_vi, name_vi, name_en,
                                                    lead_agency, partner_agencies, legal_source, confidence)
                        VALUES (:period, :code, :parent, :kind, :sort, :short, :vi, :en, :lead, :partners, :source, :confidence)
                        RETURNING id""")
                .param("period", item.periodCode()).param("code", item.code()).param("parent", parentId)
                .param("kind", item.kind()).param("sort", item.sortOrder()).param("short", blankToNull(item.shortNameVi()))
                .param("vi", item.nameVi().strip()).param("en", item.nameEn().strip())
                .param("lead", blankToNull(item.leadAgency())).param("partners", blankToNull(item.partnerAgencies()))
                .param("source", blankToNull(item.legalSource()))
                .param("confidence", List.of("S", "S2", "?").contains(item.confidence()) ? item.confidence() : "?")
                .query(Long.class).single();
        return itemsById(item.periodCode()).get(id);
    }

    /** A new catalogue item as entered by an administrator. */
    public record NewItem(String periodCode, String code, String parentCode, String kind, int sortOrder, String shortNameVi,
                          String nameVi, String nameEn, String leadAgency, String partnerAgencies, String legalSource,
                          String confidence) {
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new AccessDeniedException("only administrators change the programme catalogue");
        }
    }

    private static void requireText(List<ProgrammeProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            problems.add(ProgrammeProblem.of(field, "programme.problem.text", String.valueOf(max)));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
