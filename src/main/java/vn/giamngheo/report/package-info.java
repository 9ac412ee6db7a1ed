/**
 * Reports of the poverty figures (báo cáo kết quả rà soát): official tables, dashboards, charts and exports by
 * unit and year; pure placement and counting rules in {@code report.rules}, presentation in {@code report.view}.
 */
package vn.giamngheo.report;
