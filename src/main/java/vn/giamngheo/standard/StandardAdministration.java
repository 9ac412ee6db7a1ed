package vn.giamngheo.standard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.standard.rules.Confidence;
import vn.giamngheo.standard.rules.Parameter;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;

/**
 * Changes to the standards and the schedule, with who may make them: administrators change anything
 * (national standards and the national schedule only they); a province officer derives and changes standards
 * and schedule rows of their own province. Every change writes new rows (audited by the database); a version
 * of a standard is never changed, a change of a parameter creates the next version.
 */
@Service
public class StandardAdministration {

    static final Pattern CODE = Pattern.compile("^[A-Z0-9_]{3,30}$");
    private static final int MAX_NAME = 300;
    private static final int MAX_BASIS = 500;

    private final StandardRegistry registry;
    private final StandardRepository repository;
    private final GeographyCatalog geography;

    StandardAdministration(StandardRegistry registry, StandardRepository repository, GeographyCatalog geography) {
        this.registry = registry;
        this.repository = repository;
        this.geography = geography;
    }

    // ---- who may see and change what -------------------------------------------------------------------

    /** National standards are seen by everyone; a provincial one by national users and that province's users. */
    public boolean maySee(StandardVersion standard, CurrentUser user) {
        return !standard.provincial() || user.scope().national()
                || standard.provinceCode().equals(user.scope().provinceCode());
    }

    public boolean maySee(ScheduleEntry entry, CurrentUser user) {
        return entry.national() || user.scope().national() || entry.provinceCode().equals(user.scope().provinceCode());
    }

    /** Whether the user may create new versions of this standard. */
    public boolean mayChange(StandardVersion standard, CurrentUser user) {
        return standard.provincial() ? mayActFor(standard.provinceCode(), user) : user.isAdmin();
    }

    /** Whether the user may derive provincial standards at all (for some province). */
    public boolean mayDerive(CurrentUser user) {
        return user.isAdmin() || (user.role() == Role.PROVINCE_OFFICER && user.scope().provinceCode() != null);
    }

    /** Whether the user may change the schedule of a province (blank: the national schedule). */
    public boolean maySchedule(String provinceCode, CurrentUser user) {
        return blank(provinceCode) ? user.isAdmin() : mayActFor(provinceCode, user);
    }

    private static boolean mayActFor(String provinceCode, CurrentUser user) {
        return user.isAdmin() || (user.role() == Role.PROVINCE_OFFICER && provinceCode.equals(user.scope().provinceCode()));
    }

    /** The latest version of a standard the user may see; 404 otherwise. */
    public StoredStandard visible(String code, CurrentUser user) {
        return registry.latest(code).filter(s -> maySee(s.version(), user))
                .orElseThrow(() -> new StandardNotFoundException(code));
    }

    /** One version of a standard the user may see; 404 otherwise. */
    public StoredStandard visible(String code, int version, CurrentUser user) {
        return registry.stored(code, version).filter(s -> maySee(s.version(), user))
                .orElseThrow(() -> new StandardNotFoundException(code + " version " + version));
    }

    public List<StandardVersion> visibleStandards(CurrentUser user) {
        return registry.currentVersions().stream().filter(v -> maySee(v, user)).toList();
    }

    public List<ScheduleEntry> visibleSchedule(CurrentUser user) {
        return registry.schedule().stream().filter(e -> maySee(e, user)).toList();
    }

    /** The provinces the user may derive standards and set schedules for. */
    public List<AdminUnit> provincesFor(CurrentUser user) {
        return geography.unitsOn(geography.today(), AdminUnit.PROVINCE, null).stream()
                .filter(p -> mayActFor(p.code(), user)).toList();
    }

    // ---- changes -----------------------------------------------------------------------------------------

    /** Derives a provincial standard (version 1) from the latest version of {@code baseCode}. */
    @Transactional
    public StandardVersion derive(String baseCode, DeriveRequest request, CurrentUser user) {
        requireAllowed(mayDerive(user), user, "derive standards");
        StoredStandard base = visible(baseCode, user);
        String province = trim(request.provinceCode());
        if (!blank(province) && !mayActFor(province, user)) {
            throw new AccessDeniedException("user " + user.getUsername() + " may not set standards of province " + province);
        }
        List<StandardProblem> problems = new ArrayList<>();
        String code = trim(request.code());
        if (blank(code) || !CODE.matcher(code).matches()) {
            problems.add(StandardProblem.of("code", "standard.problem.code-format", code == null ? "" : code));
        } else if (registry.latest(code).isPresent()) {
            problems.add(StandardProblem.of("code", "standard.problem.code-taken", code));
        }
        String name = trim(request.name());
        checkText(problems, "name", name, MAX_NAME);
        String basis = trim(request.legalBasis());
        checkText(problems, "legalBasis", basis, MAX_BASIS);
        if (blank(province)) {
            problems.add(StandardProblem.of("provinceCode", "standard.problem.province-required"));
        } else if (geography.byCode(province, geography.today()).filter(u -> AdminUnit.PROVINCE.equals(u.level())).isEmpty()) {
            problems.add(StandardProblem.of("provinceCode", "standard.problem.unknown-province", province));
        }
        if (base.version().provincial() && !base.version().provinceCode().equals(province)) {
            problems.add(StandardProblem.of("provinceCode", "standard.problem.base-of-other-province", baseCode));
        }
        checkValidity(problems, request.validFrom(), request.validTo());
        Map<String, String> overrides = new LinkedHashMap<>();
        request.parameters().forEach((parameter, value) -> {
            String field = "parameters." + parameter;
            Optional<Parameter> current = base.standard().parameter(parameter);
            if (current.isEmpty()) {
                problems.add(StandardProblem.of(field, "standard.problem.unknown-parameter", parameter));
            } else if (!ParameterRules.overridable(base.standard()).contains(parameter)) {
                problems.add(StandardProblem.of(field, "standard.problem.parameter-not-overridable", parameter));
            } else {
                ParameterRules.check(field, current.get(), value).ifPresentOrElse(problems::add,
                        () -> overrides.put(parameter, value.trim()));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidStandardException(problems);
        }
        PovertyStandard derived = withVersion(base.standard().derive(code, overrides, basis, request.validFrom(),
                request.validTo()), 1);
        requireConsistent(derived);
        repository.lock(code);
        if (repository.latestVersion(code) > 0) {
            throw new InvalidStandardException(List.of(StandardProblem.of("code", "standard.problem.code-taken", code)));
        }
        StandardVersion version = new StandardVersion(0, code, 1, name, StandardVersion.PROVINCIAL, base.version().code(),
                base.version().version(), province, request.validFrom(), request.validTo(), basis, "",
                user.getUsername(), null);
        repository.insert(version, derived);
        registry.invalidate();
        return version;
    }

    /** Writes the next version of a standard with one parameter changed; earlier versions stay as they were. */
    @Transactional
    public StandardVersion changeParameter(String code, ParameterChange change, CurrentUser user) {
        StoredStandard latest = visible(code, user);
        requireAllowed(mayChange(latest.version(), user), user, "change standard " + code);
        repository.lock(code);
        int current = latest.version().version();
        int committed = repository.latestVersion(code);
        if (committed != current || (change.expectedVersion() != null && change.expectedVersion() != current)) {
            throw new StandardConflictException(code, committed);
        }
        List<StandardProblem> problems = new ArrayList<>();
        String name = trim(change.name());
        String source = trim(change.legalSource());
        checkText(problems, "legalSource", source, MAX_BASIS);
        Confidence confidence = Confidence.S;
        if (!blank(change.confidence())) {
            try {
                confidence = Confidence.ofMark(change.confidence());
            } catch (IllegalArgumentException e) {
                problems.add(StandardProblem.of("confidence", "standard.problem.unknown-confidence", change.confidence()));
            }
        }
        Optional<Parameter> old = blank(name) ? Optional.empty() : latest.standard().parameter(name);
        if (old.isEmpty()) {
            problems.add(StandardProblem.of("name", "standard.problem.unknown-parameter", name == null ? "" : name));
        } else if (ParameterRules.SYSTEM_PARAMETERS.contains(name)) {
            problems.add(StandardProblem.of("name", "standard.problem.parameter-not-changeable", name));
        } else {
            ParameterRules.check("value", old.get(), change.value()).ifPresent(problems::add);
        }
        String note = change.note() == null ? "" : change.note().trim();
        if (note.length() > 1000) {
            problems.add(StandardProblem.of("note", "standard.problem.too-long", 1000));
        }
        if (problems.isEmpty() && old.get().value().equals(change.value().trim())) {
            problems.add(StandardProblem.of("value", "standard.problem.value-unchanged", name, old.get().value()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidStandardException(problems);
        }
        String value = change.value().trim();
        StandardVersion was = latest.version();
        LocalDate validFrom = name.equals("valid_from") ? LocalDate.parse(value) : was.validFrom();
        LocalDate validTo = name.equals("valid_to") ? LocalDate.parse(value) : was.validTo();
        checkValidity(problems, validFrom, validTo);
        Map<String, Parameter> parameters = new LinkedHashMap<>(latest.standard().parameters());
        parameters.put(name, old.get().withValue(value, source, confidence,
                note.isEmpty() ? "was " + old.get().value() + " in version " + current : note));
        PovertyStandard next = withVersion(new PovertyStandard(code, parameters), current + 1);
        problems.addAll(ParameterRules.checkConsistency(next));
        if (!problems.isEmpty()) {
            throw new InvalidStandardException(problems);
        }
        String changeNote = name + ": " + old.get().value() + " → " + value + " (" + source + ")";
        StandardVersion version = new StandardVersion(0, code, current + 1, was.name(), was.kind(), was.baseCode(),
                was.baseVersion(), was.provinceCode(), validFrom, validTo, was.legalBasis(),
                changeNote.length() > 1000 ? changeNote.substring(0, 1000) : changeNote, user.getUsername(), null);
        repository.insert(version, next);
        registry.invalidate();
        return version;
    }

    /**
     * Sets the standard for the lists of a year range, nationally or in one province. Rows of the same schedule
     * that overlap the range are shortened (or removed when wholly covered).
     */
    @Transactional
    public List<ScheduleEntry> setSchedule(ScheduleChange change, CurrentUser user) {
        String province = blank(change.provinceCode()) ? null : change.provinceCode().trim();
        requireAllowed(maySchedule(province, user), user,
                "change the " + (province == null ? "national schedule" : "schedule of province " + province));
        List<StandardProblem> problems = new ArrayList<>();
        Integer from = change.yearFrom();
        Integer to = change.yearTo();
        if (from == null || from < 2000 || from > 2100) {
            problems.add(StandardProblem.of("yearFrom", "standard.problem.year-range", from == null ? "" : from));
        }
        if (to == null || to < 2000 || to > 2100) {
            problems.add(StandardProblem.of("yearTo", "standard.problem.year-range", to == null ? "" : to));
        }
        if (problems.isEmpty() && to < from) {
            problems.add(StandardProblem.of("yearTo", "standard.problem.years-ordered", from, to));
        }
        String code = trim(change.standardCode());
        String basis = trim(change.legalBasis());
        if (basis != null && basis.length() > MAX_BASIS) {
            problems.add(StandardProblem.of("legalBasis", "standard.problem.too-long", MAX_BASIS));
        }
        Optional<StoredStandard> standard = blank(code) ? Optional.empty() : registry.latest(code);
        if (standard.isEmpty()) {
            problems.add(StandardProblem.of("standardCode", "standard.problem.unknown-standard", code == null ? "" : code));
        } else {
            StandardVersion v = standard.get().version();
            if (v.provincial() && !v.provinceCode().equals(province)) {
                problems.add(StandardProblem.of("standardCode", "standard.problem.standard-of-other-province", code,
                        v.provinceCode()));
            }
            if (problems.isEmpty() && (from < v.validFrom().getYear() || to > v.validTo().getYear())) {
                problems.add(StandardProblem.of("yearFrom", "standard.problem.outside-validity", code,
                        v.validFrom().getYear(), v.validTo().getYear()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidStandardException(problems);
        }
        repository.lock("schedule:" + (province == null ? "national" : province));
        for (ScheduleEntry e : repository.schedule()) {
            boolean sameSchedule = province == null ? e.national() : province.equals(e.provinceCode());
            if (!sameSchedule || e.yearTo() < from || e.yearFrom() > to) {
                continue;
            }
            repository.deleteSchedule(e.id());
            if (e.yearFrom() < from) {
                repository.insertSchedule(e.yearFrom(), from - 1, e.provinceCode(), e.standardCode(), e.legalBasis(),
                        user.getUsername());
            }
            if (e.yearTo() > to) {
                repository.insertSchedule(to + 1, e.yearTo(), e.provinceCode(), e.standardCode(), e.legalBasis(),
                        user.getUsername());
            }
        }
        repository.insertSchedule(from, to, province, code, basis == null ? "" : basis, user.getUsername());
        registry.invalidate();
        return repository.schedule().stream().filter(e -> maySee(e, user)).toList();
    }

    /** Removes a province's own schedule rows for a year range, so the national schedule applies again. */
    @Transactional
    public List<ScheduleEntry> clearProvincialSchedule(String provinceCode, int from, int to, CurrentUser user) {
        if (blank(provinceCode)) {
            throw new InvalidStandardException(List.of(StandardProblem.of("provinceCode", "standard.problem.province-required")));
        }
        String province = provinceCode.trim();
        requireAllowed(maySchedule(province, user), user, "change the schedule of province " + province);
        repository.lock("schedule:" + province);
        for (ScheduleEntry e : repository.schedule()) {
            if (!province.equals(e.provinceCode()) || e.yearTo() < from || e.yearFrom() > to) {
                continue;
            }
            repository.deleteSchedule(e.id());
            if (e.yearFrom() < from) {
                repository.insertSchedule(e.yearFrom(), from - 1, province, e.standardCode(), e.legalBasis(), user.getUsername());
            }
            if (e.yearTo() > to) {
                repository.insertSchedule(to + 1, e.yearTo(), province, e.standardCode(), e.legalBasis(), user.getUsername());
            }
        }
        registry.invalidate();
        return repository.schedule().stream().filter(e -> maySee(e, user)).toList();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** The standard with its {@code version} parameter set to the stored version number. */
    static PovertyStandard withVersion(PovertyStandard standard, int version) {
        Map<String, Parameter> parameters = new LinkedHashMap<>(standard.parameters());
        Parameter old = parameters.get("version");
        String value = String.valueOf(version);
        parameters.put("version", old == null ? new Parameter("version", value, "", "", Confidence.S, "")
                : old.withValue(value, old.legalSource(), old.confidence(), old.note()));
        return new PovertyStandard(standard.code(), parameters);
    }

    private static void requireConsistent(PovertyStandard standard) {
        List<StandardProblem> problems = ParameterRules.checkConsistency(standard);
        if (!problems.isEmpty()) {
            throw new InvalidStandardException(problems);
        }
    }

    private static void requireAllowed(boolean allowed, CurrentUser user, String what) {
        if (!allowed) {
            throw new AccessDeniedException("user " + user.getUsername() + " (" + user.role() + ") may not " + what);
        }
    }

    private static void checkValidity(List<StandardProblem> problems, LocalDate from, LocalDate to) {
        if (from == null) {
            problems.add(StandardProblem.of("validFrom", "standard.problem.date-required"));
        }
        if (to == null) {
            problems.add(StandardProblem.of("validTo", "standard.problem.date-required"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(StandardProblem.of("validTo", "standard.problem.dates-ordered", from, to));
        }
    }

    private static void checkText(List<StandardProblem> problems, String field, String text, int max) {
        if (blank(text)) {
            problems.add(StandardProblem.of(field, "standard.problem.required"));
        } else if (text.length() > max) {
            problems.add(StandardProblem.of(field, "standard.problem.too-long", max));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
