/**
 * Movements of households between lists (biến động hộ nghèo, cận nghèo): who entered and left the poor and near-
 * poor lists of a unit between two days, as page, API and workbook.
 */
package vn.giamngheo.movement;
