/**
 * Pure figure code of the report set: placing households on the units of a chosen date through the 2025
 * crosswalk, adding counts into tables by unit with urban and rural sections, rate bands, deprivations,
 * causes, trends, and charts drawn as SVG. No Spring, no database: the SQL in {@code vn.giamngheo.report}
 * only counts, these classes arrange.
 */
package vn.giamngheo.report.rules;
