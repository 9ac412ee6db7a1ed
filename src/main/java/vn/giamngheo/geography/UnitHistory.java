package vn.giamngheo.geography;

import java.util.List;

/** What a unit was on a date, and the units it is part of today (all of them when it was split). */
public record UnitHistory(AdminUnit then, List<AdminUnit> now) {
}
