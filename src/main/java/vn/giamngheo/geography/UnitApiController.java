package vn.giamngheo.geography;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only JSON API of the unit catalogue. Dates are ISO (2025-06-30); a missing date means today. */
@RestController
@RequestMapping("/api/v1/units")
class UnitApiController {

    private final GeographyCatalog catalog;

    UnitApiController(GeographyCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The units that existed on a date, optionally of one level and/or under one parent (by id).
     * @param date the day whose units are listed (ISO, 2025-06-30; default: today)
     * @param level province, district, commune or village (default: every level)
     * @param parent id of the parent unit (default: any)
     */
    @GetMapping
    List<AdminUnit> list(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date,
                         @RequestParam(required = false) String level,
                         @RequestParam(required = false) Long parent) {
        return catalog.unitsOn(dateOrToday(date), level, parent);
    }

    /**
     * One unit: as it was on the date if one is given, else with its latest names and types.
     * @param id id of the unit
     * @param date the day (ISO); without it, the unit with its latest names and types
     */
    @GetMapping("/{id}")
    AdminUnit one(@PathVariable long id,
                  @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
        if (date == null) {
            return catalog.unit(id).orElseThrow(() -> notFound(id));
        }
        return catalog.unitOn(id, date).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "unit " + id + " did not exist on " + date));
    }

    /**
     * The unit that bore a code on a date (codes are reused across eras).
     * @param code the unit's code (2 digits for a province, 5 for a commune)
     * @param date the day (ISO; default: today)
     */
    @GetMapping("/by-code/{code}")
    AdminUnit byCode(@PathVariable String code,
                     @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
        LocalDate on = dateOrToday(date);
        return catalog.byCode(code, on).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "no administrative unit with code " + code + " on " + on));
    }

    /**
     * The units this unit was formed from (merges and splits of the reforms).
     * @param id id of the unit
     */
    @GetMapping("/{id}/predecessors")
    List<Succession> predecessors(@PathVariable long id) {
        requireUnit(id);
        return catalog.predecessors(id);
    }

    /**
     * The units this unit became (merges and splits of the reforms).
     * @param id id of the unit
     */
    @GetMapping("/{id}/successors")
    List<Succession> successors(@PathVariable long id) {
        requireUnit(id);
        return catalog.successors(id);
    }

    /**
     * What the unit is now: the units in use today that it became (all of them for a split commune).
     * @param id id of the unit (of any era)
     */
    @GetMapping("/{id}/current")
    List<AdminUnit> current(@PathVariable long id) {
        requireUnit(id);
        return catalog.currentUnitsOf(id);
    }

    /**
     * The units above this unit, from the province down.
     * @param id id of the unit
     */
    @GetMapping("/{id}/ancestors")
    List<AdminUnit> ancestors(@PathVariable long id) {
        requireUnit(id);
        return catalog.ancestors(id);
    }

    /**
     * The units below the unit that existed on the date.
     * @param id id of the unit
     * @param date the day (ISO; default: today)
     */
    @GetMapping("/{id}/subtree")
    List<AdminUnit> subtree(@PathVariable long id,
                            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
        requireUnit(id);
        return catalog.subtree(id, dateOrToday(date));
    }

    private void requireUnit(long id) {
        catalog.unit(id).orElseThrow(() -> notFound(id));
    }

    private LocalDate dateOrToday(LocalDate date) {
        return date == null ? catalog.today() : date;
    }

    private static ApiException notFound(long id) {
        return new ApiException(HttpStatus.NOT_FOUND, "no administrative unit with id " + id);
    }
}
