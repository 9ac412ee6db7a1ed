/**
 * Poverty-reduction plans (kế hoạch giảm nghèo): targets by unit and year, goals, coverage, import and printed
 * tables, and the check-plan command; the pure rules (checking, tracking, allocation) are in {@code plan.rules}.
 */
package vn.giamngheo.plan;
