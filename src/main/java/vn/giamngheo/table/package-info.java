/**
 * Printed tables (bảng biểu in): reading a CSV or XLSX table, printed numbers, and the findings of checking it
 * (exchange-format §6), shared by the plan and budget checkers; plain Java.
 */
package vn.giamngheo.table;
