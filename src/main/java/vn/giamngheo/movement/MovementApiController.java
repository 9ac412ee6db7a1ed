package vn.giamngheo.movement;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.security.CurrentUsers;

/**
 * Movements on the decided lists: the reconciliations of a unit for a list year (from 1 January of the year to
 * the next) with the households under one category on request, and the movements of a decision's households.
 */
@RestController
@RequestMapping("/api/v1/movements")
class MovementApiController {

    private final MovementService movements;

    MovementApiController(MovementService movements) {
        this.movements = movements;
    }

    /**
     * The movements on the decided lists of a unit over a list year.
     *
     * {@code unit}: a unit id in the caller's area (default: their own unit); {@code year}: the list year;
     * {@code list} and {@code flow}: return the households of that category only (e.g. poor and escaped);
     * without them no households are returned (counts only).
     * @param unit id of a unit in the caller's area (default: the caller's own unit)
     * @param year the list year: movements from 1 January of the year to 1 January of the next
     * @param months how many months after escaping a household still counts as newly escaped (default: the parameter)
     * @param list with {@code flow}: the list whose households are returned (poor, near_poor)
     * @param flow with {@code list}: the movement whose households are returned (e.g. escaped, entered)
     */
    @GetMapping
    MovementReport movements(@RequestParam(required = false) Long unit, @RequestParam int year,
                             @RequestParam(required = false) Integer months, @RequestParam(required = false) String list,
                             @RequestParam(required = false) String flow) {
        MovementController.checkCategory(list, flow);
        MovementReport r = movements.forListYear(unit, year,
                months == null ? movements.newlyEscapedMonths() : months, CurrentUsers.require());
        List<HouseholdMovement> households = flow == null || flow.isBlank() ? List.of() : r.households(list, flow);
        return new MovementReport(r.unitId(), r.unitCode(), r.unitName(), r.level(), r.from(), r.to(), r.listYear(),
                r.newlyEscapedMonths(), r.poor(), r.nearPoor(), r.newlyEscaped(), r.parts(), households);
    }

    /**
     * Each household of a decision with its movements against the lists in force the day before.
     * @param id id of a decision of the review (of the caller's area)
     */
    @GetMapping("/decisions/{id}")
    List<HouseholdMovement> decision(@PathVariable long id) {
        return movements.forDecision(id, CurrentUsers.require());
    }
}
