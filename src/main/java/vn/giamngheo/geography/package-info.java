/**
 * Vietnam's administrative units (province, district, commune, village) with their history: which units
 * existed on a date, what an old unit became after the 1 July 2025 reform, and villages created by users.
 * {@link vn.giamngheo.geography.GeographyCatalog} is the module's API.
 *
 * <p>The area kernel: {@link vn.giamngheo.geography.AreaUnits} resolves a unit id inside the current user's area
 * (outside or unknown: {@link vn.giamngheo.geography.UnitOutsideAreaException}, 404) and
 * {@link vn.giamngheo.geography.AreaFilter} writes the area condition of a query (province partition key and unit
 * path prefix) for a table alias and binds its own parameters. A feature scoped to the user's area needs nothing
 * else:
 * <pre>{@code
 * AdminUnit unit = areaUnits.resolve(unitId, user);               // 404 outside the area
 * AreaFilter area = AreaFilter.of(unit);                          // or AreaFilter.of(user.scope())
 * area.bind(jdbc.sql("SELECT … FROM household h JOIN admin_unit c ON c.id = h.commune_id WHERE "
 *         + area.on("h", "c") + " AND …")).param(…).query(…);
 * }</pre>
 */
package vn.giamngheo.geography;
