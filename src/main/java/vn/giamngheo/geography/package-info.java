/**
 * Vietnam's administrative units (province, district, commune, village) with their history: which units
 * existed on a date, what an old unit became after the 1 July 2025 reform, and villages created by users.
 * {@link vn.giamngheo.geography.GeographyCatalog} is the module's API.
 */
package vn.giamngheo.geography;
