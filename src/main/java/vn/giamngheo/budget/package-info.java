/**
 * Budget of the programme (kinh phí): budget lines of each unit by item, funding source and stage, their roll-up,
 * the printed cost table (page, XLSX, PDF, import) and the check-budget command; the pure rules are in {@code
 * budget.rules}.
 */
package vn.giamngheo.budget;
