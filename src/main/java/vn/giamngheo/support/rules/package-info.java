/**
 * Pure entitlement rules of the support policies: a household's decided status on a date (from the append-only
 * list history), newly escaped within a window, group, area and age filters, and the coverage tally (entitled,
 * received, gap, leakage). No Spring, no database.
 */
package vn.giamngheo.support.rules;
