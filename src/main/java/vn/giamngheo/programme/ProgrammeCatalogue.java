package vn.giamngheo.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.agency.Agencies;
import vn.giamngheo.agency.Agency;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;

/**
 * The programme catalogue as data: periods and their items (components, projects, sub-projects at any depth,
 * policies) with their lead and coordinating agencies. Everyone reads the national items; a province's own items are
 * seen by that province only (and by national users). Administrators add and change periods and national items,
 * province officers their province's own items; edits carry the version they were read at.
 */
@Service
public class ProgrammeCatalogue {

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final ProgrammeUnits units;

    ProgrammeCatalogue(JdbcClient jdbc, Agencies agencies, ProgrammeUnits units) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.units = units;
    }

    private static final String PERIOD_COLUMNS = """
            code, year_from, year_to, name_vi, name_en, legal_basis, confidence, note, envelope_central_investment,
            envelope_central_recurrent, envelope_local, envelope_credit, version""";

    public List<ProgrammePeriod> periods() {
        return jdbc.sql("SELECT " + PERIOD_COLUMNS + " FROM programme_period ORDER BY year_from")
                .query((rs, n) -> new ProgrammePeriod(rs.getString("code"), rs.getInt("year_from"), rs.getInt("year_to"),
                        rs.getString("name_vi"), rs.getString("name_en"), rs.getString("legal_basis"),
                        rs.getString("confidence"), rs.getString("note"), rs.getBigDecimal("envelope_central_investment"),
                        rs.getBigDecimal("envelope_central_recurrent"), rs.getBigDecimal("envelope_local"),
                        rs.getBigDecimal("envelope_credit"), rs.getInt("version")))
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

    /**
     * Active national items of a period: policies first, then components and projects, each followed by its
     * sub-items at any depth (a province's own items: {@link #itemsOf(String, String)}).
     */
    public List<ProgrammeItem> items(String periodCode) {
        return itemsOf(periodCode, null);
    }

    /** Active items of a period a province works with: the national ones and its own; null: national ones only. */
    public List<ProgrammeItem> itemsOf(String periodCode, String provinceCode) {
        return tree(read(periodCode, provinceCode == null ? Visibility.NATIONAL : Visibility.province(provinceCode), true));
    }

    /**
     * Items of a period a user sees, inactive ones included (the catalogue's page): a national user every item,
     * national and provincial; anyone else the national items and those of their province.
     */
    public List<ProgrammeItem> visibleItems(String periodCode, AccessScope scope) {
        return tree(read(periodCode, scope.national() ? Visibility.ALL : Visibility.province(scope.provinceCode()), false));
    }

    /** Active items of a period a user's budget rolls up: for a national user every province's items too. */
    public List<ProgrammeItem> itemsFor(String periodCode, AccessScope scope) {
        return tree(read(periodCode, scope.national() ? Visibility.ALL : Visibility.province(scope.provinceCode()), true));
    }

    public Map<Long, ProgrammeItem> itemsById(String periodCode) {
        return items(periodCode).stream().collect(Collectors.toMap(ProgrammeItem::id, Function.identity()));
    }

    /** National items with no sub-items: the ones budget lines are kept on. */
    public List<ProgrammeItem> leaves(String periodCode) {
        return leavesOf(periodCode, null);
    }

    /**
     * The leaves a province's units keep budget lines on: active items, national or the province's own, with no
     * active sub-item the province sees (at any depth).
     */
    public List<ProgrammeItem> leavesOf(String periodCode, String provinceCode) {
        return leaves(itemsOf(periodCode, provinceCode));
    }

    static List<ProgrammeItem> leaves(List<ProgrammeItem> items) {
        Set<Long> parents = items.stream().map(ProgrammeItem::parentId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        return items.stream().filter(i -> !parents.contains(i.id())).toList();
    }

    /** The item with this id when the user sees it (national, or of the user's province); else 404. */
    public ProgrammeItem item(long id, CurrentUser user) {
        ProgrammeItem item = jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM programme_item i WHERE i.id = :id").param("id", id)
                .query(ProgrammeCatalogue::itemRow).optional()
                .orElseThrow(() -> new ProgrammeNotFoundException("no programme item " + id));
        if (item.provincial() && !user.scope().national() && !item.provinceCode().equals(user.scope().provinceCode())) {
            throw new ProgrammeNotFoundException("no programme item " + id + " in the user's area");
        }
        return item;
    }

    /** The direct sub-items of an item the user sees, inactive ones included. */
    public List<ProgrammeItem> children(ProgrammeItem parent, CurrentUser user) {
        return visibleItems(parent.periodCode(), user.scope()).stream()
                .filter(i -> Long.valueOf(parent.id()).equals(i.parentId())).toList();
    }

    /** The lead and coordinating agencies of an item, leads first. */
    public List<ItemAgency> links(long itemId) {
        return jdbc.sql("""
                        SELECT agency_id, function_code, role FROM programme_item_agency
                        WHERE item_id = :item ORDER BY role = 'lead' DESC, sort_order, id""")
                .param("item", itemId)
                .query((rs, n) -> new ItemAgency((Long) rs.getObject("agency_id"), rs.getString("function_code"), rs.getString("role")))
                .list();
    }

    /**
     * The agencies that lead or coordinate the item in a province on a day: a function resolves to the province's
     * agency carrying it that day (the historical department for a day before 2025); a link the province has no
     * agency for falls back to the national agency it names (none: left out). Null province: the national agencies.
     */
    public List<ResolvedAgency> resolve(long itemId, String provinceCode, LocalDate day) {
        List<ResolvedAgency> out = new ArrayList<>();
        for (ItemAgency link : links(itemId)) {
            Optional<Agency> found = Optional.empty();
            if (link.functionCode() != null) {
                found = agencies.forFunction(link.functionCode(), provinceCode, day);
            }
            if (found.isEmpty() && link.agencyId() != null) {
                found = agencies.find(link.agencyId());
            }
            found.ifPresent(a -> out.add(new ResolvedAgency(link.role(), link.functionCode(), a)));
        }
        return out;
    }

    /** An agency leading or coordinating an item, as resolved for a province and a day. */
    public record ResolvedAgency(String role, String functionCode, Agency agency) {
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
        checkPeriod(period, problems);
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
        jdbc.sql("""
                        INSERT INTO programme_period (code, year_from, year_to, name_vi, name_en, legal_basis, confidence, note,
                                                      envelope_central_investment, envelope_central_recurrent, envelope_local,
                                                      envelope_credit, updated_by)
                        VALUES (:code, :from, :to, :vi, :en, :basis, :confidence, :note, :ci, :cr, :local, :credit, :by)""")
                .param("code", period.code()).param("from", period.yearFrom()).param("to", period.yearTo())
                .param("vi", period.nameVi().strip()).param("en", period.nameEn().strip())
                .param("basis", blankToNull(period.legalBasis())).param("confidence", confidence(period.confidence()))
                .param("note", blankToNull(period.note())).param("ci", period.envelopeCentralInvestment())
                .param("cr", period.envelopeCentralRecurrent()).param("local", period.envelopeLocal())
                .param("credit", period.envelopeCredit()).param("by", user.getUsername())
                .update();
        return period(period.code());
    }

    /**
     * Changes a period's years, names, legal basis, confidence, note and envelope (administrators); {@code
     * edit.version()} is the version read: a period changed since is refused (stale). The code stays.
     */
    @Transactional
    public ProgrammePeriod updatePeriod(String code, ProgrammePeriod edit, CurrentUser user) {
        requireAdmin(user);
        ProgrammePeriod current = period(code);
        List<ProgrammeProblem> problems = new ArrayList<>();
        checkPeriod(edit, problems);
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
        int changed = jdbc.sql("""
                        UPDATE programme_period SET year_from = :from, year_to = :to, name_vi = :vi, name_en = :en,
                               legal_basis = :basis, confidence = :confidence, note = :note,
                               envelope_central_investment = :ci, envelope_central_recurrent = :cr, envelope_local = :local,
                               envelope_credit = :credit, version = version + 1, updated_by = :by, updated_at = now()
                        WHERE code = :code AND version = :version""")
                .param("code", current.code()).param("from", edit.yearFrom()).param("to", edit.yearTo())
                .param("vi", edit.nameVi().strip()).param("en", edit.nameEn().strip())
                .param("basis", blankToNull(edit.legalBasis())).param("confidence", confidence(edit.confidence()))
                .param("note", blankToNull(edit.note())).param("ci", edit.envelopeCentralInvestment())
                .param("cr", edit.envelopeCentralRecurrent()).param("local", edit.envelopeLocal())
                .param("credit", edit.envelopeCredit()).param("by", user.getUsername()).param("version", edit.version())
                .update();
        if (changed == 0) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("version", "programme.problem.item-stale",
                    current.code(), String.valueOf(current.version())));
        }
        return period(code);
    }

    private static void checkPeriod(ProgrammePeriod period, List<ProgrammeProblem> problems) {
        if (period.yearFrom() > period.yearTo() || period.yearFrom() < 2000 || period.yearTo() > 2100) {
            problems.add(ProgrammeProblem.of("yearFrom", "programme.problem.period-years"));
        }
        requireText(problems, "nameVi", period.nameVi(), 300);
        requireText(problems, "nameEn", period.nameEn(), 300);
        optionalText(problems, "legalBasis", period.legalBasis(), 500);
        optionalText(problems, "note", period.note(), 1000);
        checkConfidence(problems, period.confidence());
        for (var e : java.util.Map.of("envelopeCentralInvestment", optional(period.envelopeCentralInvestment()),
                "envelopeCentralRecurrent", optional(period.envelopeCentralRecurrent()),
                "envelopeLocal", optional(period.envelopeLocal()), "envelopeCredit", optional(period.envelopeCredit())).entrySet()) {
            if (e.getValue().isPresent() && (e.getValue().get().signum() < 0
                    || e.getValue().get().compareTo(new java.math.BigDecimal("1000000000")) > 0)) {
                problems.add(ProgrammeProblem.of(e.getKey(), "programme.problem.envelope"));
            }
        }
    }

    private static Optional<java.math.BigDecimal> optional(java.math.BigDecimal value) {
        return Optional.ofNullable(value);
    }

    /**
     * Adds an item: administrators national items, a province officer their province's own items (under a national
     * item or one of their own, or at the top). A sub-item names its parent by {@code parentCode}.
     */
    @Transactional
    public ProgrammeItem addItem(NewItem item, CurrentUser user) {
        String province = writerProvince(user);
        List<ProgrammeProblem> problems = new ArrayList<>();
        if (periods().stream().noneMatch(p -> p.code().equals(item.periodCode()))) {
            problems.add(ProgrammeProblem.of("periodCode", "programme.problem.period-unknown", String.valueOf(item.periodCode())));
        }
        if (item.code() == null || !item.code().matches("[A-Z0-9][A-Z0-9._-]{0,39}")) {
            problems.add(ProgrammeProblem.of("code", "programme.problem.item-code"));
        }
        Long parentId = checkKindAndParent(item.periodCode(), item.kind(), item.parentCode(), province, null, problems);
        checkItemTexts(problems, item.shortNameVi(), item.nameVi(), item.nameEn(), item.legalSource(), item.note());
        checkConfidence(problems, item.confidence());
        List<ItemAgency> links = item.links() == null ? List.of() : item.links();
        checkLinks(links, province, problems);
        if (problems.isEmpty() && codeTaken(item.periodCode(), item.code(), province, null)) {
            problems.add(ProgrammeProblem.of("code", "programme.problem.item-exists", item.code()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
        long id = jdbc.sql("""
                        INSERT INTO programme_item (period_code, code, parent_id, kind, sort_order, short_name_vi, name_vi, name_en,
                                                    lead_agency, partner_agencies, legal_source, confidence, province_code, note,
                                                    updated_by)
                        VALUES (:period, :code, :parent, :kind, :sort, :short, :vi, :en, :lead, :partners, :source, :confidence,
                                :province, :note, :by)
                        RETURNING id""")
                .param("period", item.periodCode()).param("code", item.code()).param("parent", parentId)
                .param("kind", item.kind()).param("sort", item.sortOrder()).param("short", blankToNull(item.shortNameVi()))
                .param("vi", item.nameVi().strip()).param("en", item.nameEn().strip())
                .param("lead", blankToNull(item.leadAgency())).param("partners", blankToNull(item.partnerAgencies()))
                .param("source", blankToNull(item.legalSource())).param("confidence", confidence(item.confidence()))
                .param("province", province).param("note", blankToNull(item.note())).param("by", user.getUsername())
                .query(Long.class).single();
        writeLinks(id, links, user);
        return item(id, user);
    }

    /**
     * Changes an item's code, names, order, legal source, confidence, note and agencies (not its period, kind or
     * parent). {@code edit.version()} is the version read: an item changed since is refused (stale).
     */
    @Transactional
    public ProgrammeItem updateItem(long id, ItemEdit edit, CurrentUser user) {
        ProgrammeItem current = editableItem(id, user);
        List<ProgrammeProblem> problems = new ArrayList<>();
        if (edit.code() == null || !edit.code().matches("[A-Z0-9][A-Z0-9._-]{0,39}")) {
            problems.add(ProgrammeProblem.of("code", "programme.problem.item-code"));
        }
        checkItemTexts(problems, edit.shortNameVi(), edit.nameVi(), edit.nameEn(), edit.legalSource(), edit.note());
        checkConfidence(problems, edit.confidence());
        List<ItemAgency> links = edit.links() == null ? links(id) : edit.links();
        checkLinks(links, current.provinceCode(), problems);
        if (problems.isEmpty() && !edit.code().equals(current.code())
                && codeTaken(current.periodCode(), edit.code(), current.provinceCode(), id)) {
            problems.add(ProgrammeProblem.of("code", "programme.problem.item-exists", edit.code()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
        int changed = jdbc.sql("""
                        UPDATE programme_item SET code = :code, sort_order = :sort, short_name_vi = :short, name_vi = :vi,
                               name_en = :en, legal_source = :source, confidence = :confidence, note = :note,
                               version = version + 1, updated_by = :by, updated_at = now()
                        WHERE id = :id AND version = :version""")
                .param("id", id).param("code", edit.code()).param("sort", edit.sortOrder())
                .param("short", blankToNull(edit.shortNameVi())).param("vi", edit.nameVi().strip())
                .param("en", edit.nameEn().strip()).param("source", blankToNull(edit.legalSource()))
                .param("confidence", confidence(edit.confidence())).param("note", blankToNull(edit.note()))
                .param("by", user.getUsername()).param("version", edit.version())
                .update();
        if (changed == 0) {
            throw stale(current);
        }
        if (edit.links() != null && !edit.links().equals(links(id))) {
            jdbc.sql("DELETE FROM programme_item_agency WHERE item_id = :id").param("id", id).update();
            writeLinks(id, edit.links(), user);
        }
        return item(id, user);
    }

    /**
     * Takes an item out of use (its budget lines stay, no new ones) or back into use. An inactive item leaves the
     * budget grids and the leaves; its sub-items go with it in the grids (they are under an inactive item).
     */
    @Transactional
    public ProgrammeItem setActive(long id, boolean active, int version, CurrentUser user) {
        ProgrammeItem current = editableItem(id, user);
        int changed = jdbc.sql("""
                        UPDATE programme_item SET active = :active, version = version + 1, updated_by = :by, updated_at = now()
                        WHERE id = :id AND version = :version""")
                .param("id", id).param("active", active).param("by", user.getUsername()).param("version", version).update();
        if (changed == 0) {
            throw stale(current);
        }
        return item(id, user);
    }

    /**
     * Deletes an item nothing refers to (no sub-items, no budget lines, nothing of another feature); an item in use
     * is refused: deactivate it instead.
     */
    @Transactional
    public void deleteItem(long id, int version, CurrentUser user) {
        ProgrammeItem current = editableItem(id, user);
        if (current.version() != version) {
            throw stale(current);
        }
        boolean used = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM programme_item c WHERE c.parent_id = :id)
                            OR EXISTS (SELECT 1 FROM budget_line b WHERE b.item_id = :id)""")
                .param("id", id).query(Boolean.class).single();
        if (used) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("id", "programme.problem.item-in-use", current.code()));
        }
        jdbc.sql("DELETE FROM programme_item_agency WHERE item_id = :id").param("id", id).update();
        try {
            jdbc.sql("DELETE FROM programme_item WHERE id = :id").param("id", id).update();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // referred to by another feature's rows (a task, an indicator): the transaction is undone, the item kept
            throw new InvalidProgrammeException(ProgrammeProblem.of("id", "programme.problem.item-in-use", current.code()));
        }
    }

    /** The item, when the user may change it: administrators national items, a province officer their own. */
    ProgrammeItem editableItem(long id, CurrentUser user) {
        ProgrammeItem item = item(id, user);
        if (user.isAdmin()) {
            return item;
        }
        String province = writerProvince(user);
        if (!province.equals(item.provinceCode())) {
            throw new AccessDeniedException("a province changes its own items only");
        }
        return item;
    }

    /** Whether the user may add and change items: administrators, and province officers of a province. */
    public boolean mayChangeItems(CurrentUser user) {
        return user.isAdmin() || (user.role() == Role.PROVINCE_OFFICER && !user.scope().national()
                && user.scope().unitId() != null && user.scope().unitPath() != null
                && units.find(user.scope().unitId()).map(u -> "province".equals(u.level())).orElse(false));
    }

    /** The province whose items the user writes: null for an administrator (national items). */
    private String writerProvince(CurrentUser user) {
        if (user.isAdmin()) {
            return null;
        }
        if (!mayChangeItems(user)) {
            throw new AccessDeniedException("only administrators and province officers change the programme catalogue");
        }
        return user.scope().provinceCode();
    }

    private InvalidProgrammeException stale(ProgrammeItem current) {
        return new InvalidProgrammeException(ProgrammeProblem.of("version", "programme.problem.item-stale", current.code(),
                String.valueOf(current.version())));
    }

    /** The parent's id, after checking the kind and where it may hang (problems added otherwise). */
    private Long checkKindAndParent(String periodCode, String kind, String parentCode, String province, Long self,
                                    List<ProgrammeProblem> problems) {
        if (!ProgrammeItem.KINDS.contains(kind)) {
            problems.add(ProgrammeProblem.of("kind", "programme.problem.item-kind"));
            return null;
        }
        String code = blankToNull(parentCode);
        if (code == null) {
            if (ProgrammeItem.SUB_PROJECT.equals(kind)) {
                problems.add(ProgrammeProblem.of("parentCode", "programme.problem.item-parent", ""));
            }
            return null;
        }
        if (ProgrammeItem.COMPONENT.equals(kind)) {
            problems.add(ProgrammeProblem.of("parentCode", "programme.problem.item-parent-kind", code));
            return null;
        }
        List<ProgrammeItem> candidates = tree(read(periodCode,
                province == null ? Visibility.NATIONAL : Visibility.province(province), false)).stream()
                .filter(i -> i.code().equals(code)).toList();
        if (candidates.size() != 1) {
            problems.add(ProgrammeProblem.of("parentCode", "programme.problem.item-parent", code));
            return null;
        }
        ProgrammeItem parent = candidates.get(0);
        boolean fits = switch (kind) {
            case ProgrammeItem.PROJECT, ProgrammeItem.POLICY -> ProgrammeItem.COMPONENT.equals(parent.kind());
            case ProgrammeItem.SUB_PROJECT -> !ProgrammeItem.POLICY.equals(parent.kind());
            default -> false;
        };
        if (!fits) {
            problems.add(ProgrammeProblem.of("parentCode", "programme.problem.item-parent-kind", code));
        } else if (!parent.active()) {
            problems.add(ProgrammeProblem.of("parentCode", "programme.problem.item-parent-inactive", code));
        } else if (jdbc.sql("SELECT count(*) FROM budget_line WHERE item_id = :id").param("id", parent.id())
                .query(Long.class).single() > 0) {
            problems.add(ProgrammeProblem.of("parentCode", "programme.problem.item-parent-has-lines", code));
        }
        return parent.id();
    }

    /** Whether the code is used in the period by an item the writer's items would be confused with. */
    private boolean codeTaken(String periodCode, String code, String province, Long except) {
        Visibility visibility = province == null ? Visibility.ALL : Visibility.province(province);
        return read(periodCode, visibility, false).stream()
                .anyMatch(i -> i.code().equals(code) && (except == null || i.id() != except));
    }

    private void checkLinks(List<ItemAgency> links, String province, List<ProgrammeProblem> problems) {
        java.util.Set<ItemAgency> seen = new java.util.HashSet<>();
        for (ItemAgency link : links) {
            if (link == null || (link.agencyId() == null && blankToNull(link.functionCode()) == null)) {
                problems.add(ProgrammeProblem.of("links", "programme.problem.link-empty"));
                continue;
            }
            if (!ItemAgency.LEAD.equals(link.role()) && !ItemAgency.PARTNER.equals(link.role())) {
                problems.add(ProgrammeProblem.of("links", "programme.problem.link-role", String.valueOf(link.role())));
            }
            if (link.functionCode() != null && !link.functionCode().matches("[a-z][a-z0-9_]{1,39}")) {
                problems.add(ProgrammeProblem.of("links", "programme.problem.link-function", link.functionCode()));
            }
            if (link.agencyId() != null) {
                Optional<Agency> agency = agencies.find(link.agencyId());
                if (agency.isEmpty() || !(agency.get().national() || (province != null && province.equals(agency.get().provinceCode())))) {
                    problems.add(ProgrammeProblem.of("links", "programme.problem.link-agency", String.valueOf(link.agencyId())));
                }
            }
            if (!seen.add(link)) {
                problems.add(ProgrammeProblem.of("links", "programme.problem.link-twice", String.valueOf(link.agencyId())));
            }
        }
    }

    private void writeLinks(long itemId, List<ItemAgency> links, CurrentUser user) {
        int order = 0;
        for (ItemAgency link : links) {
            jdbc.sql("""
                            INSERT INTO programme_item_agency (item_id, agency_id, function_code, role, sort_order, updated_by)
                            VALUES (:item, :agency, :function, :role, :order, :by)""")
                    .param("item", itemId).param("agency", link.agencyId()).param("function", blankToNull(link.functionCode()))
                    .param("role", link.role()).param("order", order++).param("by", user.getUsername()).update();
        }
    }

    private static void checkItemTexts(List<ProgrammeProblem> problems, String shortNameVi, String nameVi, String nameEn,
                                       String legalSource, String note) {
        requireText(problems, "nameVi", nameVi, 500);
        requireText(problems, "nameEn", nameEn, 500);
        optionalText(problems, "shortNameVi", shortNameVi, 80);
        optionalText(problems, "legalSource", legalSource, 500);
        optionalText(problems, "note", note, 1000);
    }

    private static void checkConfidence(List<ProgrammeProblem> problems, String confidence) {
        if (confidence != null && !confidence.isBlank() && !CONFIDENCES.contains(confidence.strip())) {
            problems.add(ProgrammeProblem.of("confidence", "programme.problem.confidence"));
        }
    }

    static final List<String> CONFIDENCES = List.of("S", "S2", "?");

    private static String confidence(String value) {
        return value == null || value.isBlank() ? "?" : value.strip();
    }

    private static void optionalText(List<ProgrammeProblem> problems, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(ProgrammeProblem.of(field, "programme.problem.text-long", String.valueOf(max)));
        }
    }

    /** Which items a read sees: national ones only, those and one province's, or every province's too. */
    private record Visibility(boolean all, String provinceCode) {
        static final Visibility NATIONAL = new Visibility(false, null);
        static final Visibility ALL = new Visibility(true, null);

        static Visibility province(String provinceCode) {
            return new Visibility(false, provinceCode);
        }
    }

    static final String ITEM_COLUMNS = """
            i.id, i.period_code, i.code, i.parent_id, i.kind, i.sort_order, i.short_name_vi, i.name_vi, i.name_en,
            i.lead_agency, i.partner_agencies, i.legal_source, i.confidence, i.active, i.province_code, i.note, i.version""";

    private List<ProgrammeItem> read(String periodCode, Visibility visibility, boolean activeOnly) {
        String where;
        AreaFilter province = null;
        if (visibility.all()) {
            where = "TRUE";
        } else if (visibility.provinceCode() == null) {
            where = "i.province_code IS NULL";
        } else {
            province = AreaFilter.province(visibility.provinceCode());
            where = "(i.province_code IS NULL OR " + province.partition("i") + ")";
        }
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM programme_item i WHERE i.period_code = :period AND "
                        + where + (activeOnly ? " AND i.active" : "")
                        + " ORDER BY (i.kind = 'policy') DESC, i.province_code NULLS FIRST, i.sort_order, i.code")
                .param("period", periodCode);
        if (province != null) {
            province.bind(spec);
        }
        return spec.query(ProgrammeCatalogue::itemRow).list();
    }

    /** Top items (no parent, or a parent not among them) each followed by its sub-items, depth first. */
    static List<ProgrammeItem> tree(List<ProgrammeItem> all) {
        Set<Long> ids = all.stream().map(ProgrammeItem::id).collect(Collectors.toSet());
        Map<Long, List<ProgrammeItem>> byParent = new java.util.HashMap<>();
        List<ProgrammeItem> tops = new ArrayList<>();
        for (ProgrammeItem i : all) {
            if (i.parentId() == null || !ids.contains(i.parentId())) {
                if (i.parentId() == null) {
                    tops.add(i);
                }
                // an item under an inactive (unread) parent is left out with it
            } else {
                byParent.computeIfAbsent(i.parentId(), k -> new ArrayList<>()).add(i);
            }
        }
        List<ProgrammeItem> ordered = new ArrayList<>();
        for (ProgrammeItem top : tops) {
            addWithChildren(top, byParent, ordered, 0);
        }
        return ordered;
    }

    private static void addWithChildren(ProgrammeItem item, Map<Long, List<ProgrammeItem>> byParent, List<ProgrammeItem> out,
                                        int depth) {
        out.add(item);
        if (depth < 10) {
            byParent.getOrDefault(item.id(), List.of()).forEach(c -> addWithChildren(c, byParent, out, depth + 1));
        }
    }

    static ProgrammeItem itemRow(ResultSet rs, int n) throws SQLException {
        return new ProgrammeItem(rs.getLong("id"), rs.getString("period_code"), rs.getString("code"),
                (Long) rs.getObject("parent_id"), rs.getString("kind"), rs.getInt("sort_order"),
                rs.getString("short_name_vi"), rs.getString("name_vi"), rs.getString("name_en"),
                rs.getString("lead_agency"), rs.getString("partner_agencies"), rs.getString("legal_source"),
                rs.getString("confidence"), rs.getBoolean("active"), rs.getString("province_code"), rs.getString("note"),
                rs.getInt("version"));
    }

    /** A new catalogue item as entered by an administrator or a province officer. */
    public record NewItem(String periodCode, String code, String parentCode, String kind, int sortOrder, String shortNameVi,
                          String nameVi, String nameEn, String leadAgency, String partnerAgencies, String legalSource,
                          String confidence, String note, List<ItemAgency> links) {

        /** An item without note and agency links (as the first version of the catalogue took them). */
        public NewItem(String periodCode, String code, String parentCode, String kind, int sortOrder, String shortNameVi,
                       String nameVi, String nameEn, String leadAgency, String partnerAgencies, String legalSource,
                       String confidence) {
            this(periodCode, code, parentCode, kind, sortOrder, shortNameVi, nameVi, nameEn, leadAgency, partnerAgencies,
                    legalSource, confidence, null, List.of());
        }
    }

    /**
     * An item as edited, with the version it was read at; {@code links} null keeps the agencies as they are.
     */
    public record ItemEdit(String code, int sortOrder, String shortNameVi, String nameVi, String nameEn, String legalSource,
                           String confidence, String note, List<ItemAgency> links, int version) {
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
