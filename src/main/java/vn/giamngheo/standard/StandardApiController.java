package vn.giamngheo.standard;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.standard.rules.Parameter;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** REST API of the poverty standards and the schedule; provincial ones only within the caller's area. */
@RestController
@RequestMapping("/api/v1/standards")
class StandardApiController {

    private final StandardAdministration administration;
    private final StandardRegistry registry;

    StandardApiController(StandardAdministration administration, StandardRegistry registry) {
        this.administration = administration;
        this.registry = registry;
    }

    /**
     * The poverty standards the caller may see: national ones and those of his province, every version.
     */
    @GetMapping
    List<StandardVersion> list() {
        return administration.visibleStandards(CurrentUsers.require());
    }

    /**
     * Which standard applies to the lists of which years (nationally and per province).
     */
    @GetMapping("/schedule")
    List<ScheduleEntry> schedule() {
        return administration.visibleSchedule(CurrentUsers.require());
    }

    /**
     * Schedules a standard for the lists of a range of years (nationally or for a province of the caller's area).
     * @param change the years, province (none: national), standard and legal basis
     */
    @PostMapping("/schedule")
    List<ScheduleEntry> setSchedule(@RequestBody ScheduleChange change) {
        return administration.setSchedule(change, CurrentUsers.require());
    }

    /**
     * One standard with every parameter and its versions.
     * @param code the standard's code, e.g. ND07_2021
     * @param version a version of the standard (default: the latest)
     */
    @GetMapping("/{code}")
    StandardDetail get(@PathVariable String code, @RequestParam(required = false) Integer version) {
        CurrentUser user = CurrentUsers.require();
        StoredStandard s = version == null ? administration.visible(code, user) : administration.visible(code, version, user);
        return StandardDetail.of(s, registry.versions(code));
    }

    /**
     * Derives a new standard (e.g. a province's) from an existing one, with changed parameters.
     * @param code the code of the standard derived from
     * @param request the new standard's code, name, province, validity, legal basis and changed parameters
     */
    @PostMapping("/{code}/derive")
    @ResponseStatus(HttpStatus.CREATED)
    StandardDetail derive(@PathVariable String code, @RequestBody DeriveRequest request) {
        CurrentUser user = CurrentUsers.require();
        StandardVersion created = administration.derive(code, request, user);
        return StandardDetail.of(administration.visible(created.code(), user), registry.versions(created.code()));
    }

    /**
     * Changes a parameter of a standard: a new version of the standard.
     * @param code the standard's code
     * @param change the parameter's name, new value, legal source, confidence, note and the version read
     */
    @PostMapping("/{code}/parameters")
    @ResponseStatus(HttpStatus.CREATED)
    StandardDetail changeParameter(@PathVariable String code, @RequestBody ParameterChange change) {
        CurrentUser user = CurrentUsers.require();
        administration.changeParameter(code, change, user);
        return StandardDetail.of(administration.visible(code, user), registry.versions(code));
    }

    /** A version of a standard with every parameter (value, unit, legal source, confidence) and its history. */
    record StandardDetail(StandardVersion standard, List<ParameterView> parameters, List<StandardVersion> versions) {
        static StandardDetail of(StoredStandard s, List<StandardVersion> versions) {
            return new StandardDetail(s.version(), s.standard().allParameters().stream().map(ParameterView::of).toList(),
                    versions);
        }
    }

    /** @param confidence S (published source), S2 (secondary source) or ? (best knowledge) */
    record ParameterView(String name, String value, String unit, String legalSource, String confidence, String note) {
        static ParameterView of(Parameter p) {
            return new ParameterView(p.name(), p.value(), p.unit(), p.legalSource(), p.confidence().mark(), p.note());
        }
    }
}
