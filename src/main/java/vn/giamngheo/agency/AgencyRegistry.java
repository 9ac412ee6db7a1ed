package vn.giamngheo.agency;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;

/**
 * Adds and changes agencies: administrators every agency (the national ones only they), a province officer the
 * agencies of their province and of its communes. An agency is never deleted: it ends ({@code validTo}) and names its
 * successor. Every edit carries the version it was read at; the table's audit trigger records each change.
 */
@Service
public class AgencyRegistry {

    public static final List<String> LEVELS = List.of(Agency.NATIONAL, Agency.PROVINCE, Agency.COMMUNE);
    public static final List<String> KINDS = List.of("ministry", "department", "bank", "front", "mass_organisation",
            "commune_office", "people_committee", "other");
    static final List<String> CONFIDENCES = List.of("S", "S2", "?");

    /** The offices a commune gets on demand, by suffix of their code (uncertain: confidence ?, docs/domain.md). */
    static final List<String[]> COMMUNE_OFFICES = List.of(
            new String[] {"PKT", "poverty_reduction", "Phòng Kinh tế", "Economic Office"},
            new String[] {"PVHXH", "social_affairs", "Phòng Văn hóa - Xã hội", "Culture and Social Affairs Office"});

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final AreaUnits units;

    AgencyRegistry(JdbcClient jdbc, Agencies agencies, AreaUnits units) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.units = units;
    }

    /** An agency as entered; {@code unitId} null for a national one; {@code version} the one read (edits). */
    public record AgencyForm(String code, String level, String kind, String functionCode, Long unitId, String nameVi,
                             String nameEn, String shortNameVi, LocalDate validFrom, LocalDate validTo, Long successorId,
                             String legalSource, String confidence, int version) {
    }

    /** What an agency's page shows beyond the kernel's record. */
    public record Details(String shortNameVi, String legalSource, String confidence, String unitName) {
    }

    public Details details(Agency agency) {
        return jdbc.sql("""
                        SELECT a.short_name_vi, a.legal_source, a.confidence, u.full_name
                        FROM agency a LEFT JOIN admin_unit u ON u.id = a.unit_id WHERE a.id = :id""")
                .param("id", agency.id())
                .query((rs, n) -> new Details(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
    }

    /** The agency when the user sees it (national, or of a unit in their area); else 404. */
    public Agency visible(long id, CurrentUser user) {
        Agency agency = agencies.get(id);
        if (!agencies.visible(agency, user.scope())) {
            throw new AgencyNotFoundException("no agency " + id + " in the user's area");
        }
        return agency;
    }

    /** Whether the user may add or change agencies at all. */
    public boolean mayChange(CurrentUser user) {
        return user.isAdmin() || (user.role() == Role.PROVINCE_OFFICER && !user.scope().national()
                && units.home(user).map(u -> AdminUnit.PROVINCE.equals(u.level())).orElse(false));
    }

    /** Whether the user may change this agency: administrators any, a province officer those of their area. */
    public boolean mayChange(Agency agency, CurrentUser user) {
        return user.isAdmin() || (mayChange(user) && !agency.national() && agencies.visible(agency, user.scope()));
    }

    @Transactional
    public Agency add(AgencyForm form, CurrentUser user) {
        requireWriter(user);
        List<InvalidAgencyException.Problem> problems = new ArrayList<>();
        if (form.code() == null || !form.code().strip().matches("[A-Z0-9][A-Z0-9._-]{1,59}")) {
            problems.add(InvalidAgencyException.Problem.of("code", "agency.problem.code"));
        } else if (agencies.byCode(form.code().strip()).isPresent()) {
            problems.add(InvalidAgencyException.Problem.of("code", "agency.problem.code-taken", form.code().strip()));
        }
        Optional<AdminUnit> unit = check(form, null, user, problems);
        if (!problems.isEmpty()) {
            throw new InvalidAgencyException(problems);
        }
        long id = jdbc.sql("""
                        INSERT INTO agency (code, level, kind, function_code, unit_id, province_code, name_vi, name_en,
                                            short_name_vi, valid_from, valid_to, successor_id, legal_source, confidence, updated_by)
                        VALUES (:code, :level, :kind, :function, :unit, :province, :vi, :en, :short, :from, :to, :successor,
                                :source, :confidence, :by)
                        RETURNING id""")
                .param("code", form.code().strip()).param("level", form.level()).param("kind", form.kind())
                .param("function", blankToNull(form.functionCode())).param("unit", unit.map(AdminUnit::id).orElse(null))
                .param("province", unit.map(AdminUnit::provinceCode).orElse(null))
                .param("vi", form.nameVi().strip()).param("en", form.nameEn().strip())
                .param("short", blankToNull(form.shortNameVi())).param("from", Date.valueOf(form.validFrom()))
                .param("to", form.validTo() == null ? null : Date.valueOf(form.validTo()))
                .param("successor", form.successorId()).param("source", blankToNull(form.legalSource()))
                .param("confidence", confidence(form.confidence())).param("by", user.getUsername())
                .query(Long.class).single();
        return agencies.get(id);
    }

    /**
     * Changes an agency's names, function, dates, successor, source and confidence (its code, level and unit stay);
     * refused when changed since {@code form.version()} was read.
     */
    @Transactional
    public Agency update(long id, AgencyForm form, CurrentUser user) {
        Agency current = visible(id, user);
        if (!mayChange(current, user)) {
            throw new AccessDeniedException("administrators change national agencies, a province officer those of its area");
        }
        AgencyForm kept = new AgencyForm(current.code(), current.level(), form.kind(), form.functionCode(), current.unitId(),
                form.nameVi(), form.nameEn(), form.shortNameVi(), form.validFrom(), form.validTo(), form.successorId(),
                form.legalSource(), form.confidence(), form.version());
        List<InvalidAgencyException.Problem> problems = new ArrayList<>();
        check(kept, current, user, problems);
        if (!problems.isEmpty()) {
            throw new InvalidAgencyException(problems);
        }
        int changed = jdbc.sql("""
                        UPDATE agency SET kind = :kind, function_code = :function, name_vi = :vi, name_en = :en,
                               short_name_vi = :short, valid_from = :from, valid_to = :to, successor_id = :successor,
                               legal_source = :source, confidence = :confidence, version = version + 1,
                               updated_by = :by, updated_at = now()
                        WHERE id = :id AND version = :version""")
                .param("id", id).param("kind", kept.kind()).param("function", blankToNull(kept.functionCode()))
                .param("vi", kept.nameVi().strip()).param("en", kept.nameEn().strip())
                .param("short", blankToNull(kept.shortNameVi())).param("from", Date.valueOf(kept.validFrom()))
                .param("to", kept.validTo() == null ? null : Date.valueOf(kept.validTo()))
                .param("successor", kept.successorId()).param("source", blankToNull(kept.legalSource()))
                .param("confidence", confidence(kept.confidence())).param("by", user.getUsername())
                .param("version", form.version())
                .update();
        if (changed == 0) {
            throw new InvalidAgencyException(List.of(InvalidAgencyException.Problem.of("version", "agency.problem.stale",
                    current.code(), String.valueOf(current.version()))));
        }
        return agencies.get(id);
    }

    /**
     * Creates the commune's offices (Phòng Kinh tế, Phòng Văn hóa - Xã hội; confidence ?) valid from {@code from},
     * those it has not got yet; returns the commune's offices.
     */
    @Transactional
    public List<Agency> createCommuneOffices(long communeId, LocalDate from, CurrentUser user) {
        requireWriter(user);
        AdminUnit commune = units.resolve(communeId, user);
        if (!AdminUnit.COMMUNE.equals(commune.level()) || commune.validTo() != null) {
            throw new InvalidAgencyException(List.of(InvalidAgencyException.Problem.of("unitId", "agency.problem.commune",
                    commune.fullName())));
        }
        LocalDate start = from == null ? LocalDate.of(2025, 7, 1) : from;
        List<Agency> offices = new ArrayList<>();
        for (String[] office : COMMUNE_OFFICES) {
            String code = "C" + commune.code() + "." + office[0];
            Optional<Agency> existing = agencies.byCode(code);
            if (existing.isPresent()) {
                offices.add(existing.get());
                continue;
            }
            long id = jdbc.sql("""
                            INSERT INTO agency (code, level, kind, function_code, unit_id, province_code, name_vi, name_en,
                                                valid_from, legal_source, confidence, updated_by)
                            VALUES (:code, 'commune', 'commune_office', :function, :unit, :province, :vi, :en, :from,
                                    :source, '?', :by)
                            RETURNING id""")
                    .param("code", code).param("function", office[1]).param("unit", commune.id())
                    .param("province", commune.provinceCode())
                    .param("vi", office[2] + " " + lowerFirst(commune.fullName()))
                    .param("en", office[3] + " of " + commune.fullName())
                    .param("from", Date.valueOf(start))
                    .param("source", "cơ quan chuyên môn cấp xã từ 01/7/2025 (chưa chắc chắn: docs/domain.md)")
                    .param("by", user.getUsername())
                    .query(Long.class).single();
            offices.add(agencies.get(id));
        }
        return offices;
    }

    private void requireWriter(CurrentUser user) {
        if (!mayChange(user)) {
            throw new AccessDeniedException("only administrators and province officers change agencies");
        }
    }

    /** Checks a form; returns the agency's unit (empty for a national one). */
    private Optional<AdminUnit> check(AgencyForm form, Agency current, CurrentUser user,
                                      List<InvalidAgencyException.Problem> problems) {
        Optional<AdminUnit> unit = Optional.empty();
        if (!LEVELS.contains(form.level())) {
            problems.add(InvalidAgencyException.Problem.of("level", "agency.problem.level"));
        } else if (Agency.NATIONAL.equals(form.level())) {
            if (form.unitId() != null) {
                problems.add(InvalidAgencyException.Problem.of("unitId", "agency.problem.unit-national"));
            } else if (!user.isAdmin()) {
                throw new AccessDeniedException("administrators add national agencies");
            }
        } else if (form.unitId() == null) {
            problems.add(InvalidAgencyException.Problem.of("unitId", "agency.problem.unit-required"));
        } else {
            unit = units.find(form.unitId(), user);
            if (unit.isEmpty()) {
                problems.add(InvalidAgencyException.Problem.of("unitId", "agency.problem.unit-unknown", String.valueOf(form.unitId())));
            } else if (!form.level().equals(unit.get().level())) {
                problems.add(InvalidAgencyException.Problem.of("unitId", "agency.problem.unit-level", unit.get().fullName()));
            }
        }
        if (!KINDS.contains(form.kind())) {
            problems.add(InvalidAgencyException.Problem.of("kind", "agency.problem.kind"));
        }
        if (blankToNull(form.functionCode()) != null && !form.functionCode().strip().matches("[a-z][a-z0-9_]{1,39}")) {
            problems.add(InvalidAgencyException.Problem.of("functionCode", "agency.problem.function"));
        }
        text(problems, "nameVi", form.nameVi(), 300, true);
        text(problems, "nameEn", form.nameEn(), 300, true);
        text(problems, "shortNameVi", form.shortNameVi(), 80, false);
        text(problems, "legalSource", form.legalSource(), 500, false);
        if (form.validFrom() == null) {
            problems.add(InvalidAgencyException.Problem.of("validFrom", "agency.problem.valid-from"));
        } else if (form.validTo() != null && form.validTo().isBefore(form.validFrom())) {
            problems.add(InvalidAgencyException.Problem.of("validTo", "agency.problem.dates"));
        }
        if (form.confidence() != null && !form.confidence().isBlank() && !CONFIDENCES.contains(form.confidence().strip())) {
            problems.add(InvalidAgencyException.Problem.of("confidence", "agency.problem.confidence"));
        }
        if (form.successorId() != null) {
            Optional<Agency> successor = agencies.find(form.successorId()).filter(a -> agencies.visible(a, user.scope()));
            if (successor.isEmpty()) {
                problems.add(InvalidAgencyException.Problem.of("successorId", "agency.problem.successor", String.valueOf(form.successorId())));
            } else if (current != null && successor.get().id() == current.id()) {
                problems.add(InvalidAgencyException.Problem.of("successorId", "agency.problem.successor-self"));
            } else if (form.validTo() == null) {
                problems.add(InvalidAgencyException.Problem.of("validTo", "agency.problem.successor-open"));
            } else if (current != null && isAfter(current.id(), successor.get().id())) {
                problems.add(InvalidAgencyException.Problem.of("successorId", "agency.problem.successor-cycle"));
            }
        }
        return unit;
    }

    /** Whether {@code self} is in the successor chain that follows {@code successor} (naming it would make a cycle). */
    private boolean isAfter(long self, long successor) {
        Long next = agencies.find(successor).map(Agency::successorId).orElse(null);
        for (int i = 0; i < 50 && next != null; i++) {
            if (next == self) {
                return true;
            }
            next = agencies.find(next).map(Agency::successorId).orElse(null);
        }
        return false;
    }

    private static void text(List<InvalidAgencyException.Problem> problems, String field, String value, int max, boolean required) {
        if ((required && (value == null || value.isBlank())) || (value != null && value.strip().length() > max)) {
            problems.add(InvalidAgencyException.Problem.of(field, "agency.problem.text", String.valueOf(max)));
        }
    }

    private static String confidence(String value) {
        return value == null || value.isBlank() ? "?" : value.strip();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + s.substring(1);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
