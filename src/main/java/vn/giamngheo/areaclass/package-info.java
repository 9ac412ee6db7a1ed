/**
 * Area classes (issue 23 point 1): the catalogue of classes of communes and villages the programme targets, the
 * official lists as effective-dated data ({@code unit_area_class}, one row per unit, class and decision), their
 * import from CSV on old or new unit codes, and the merged-commune rule that gives a unit of today's map the
 * class of its predecessors until a list names it.
 *
 * <p>The kernel other modules use is {@link vn.giamngheo.areaclass.AreaClasses}: {@code catalogue()},
 * {@code classesOf(unit, day)} and {@code unitsWith(class, day, scope)}, all after the inheritance rule.
 */
package vn.giamngheo.areaclass;
