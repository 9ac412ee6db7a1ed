/**
 * Analysis on the register, nothing stored: what-if comparison of two poverty standards (or changed parameters)
 * and Alkire–Foster multidimensional poverty figures for a unit in the user's area.
 */
package vn.giamngheo.analysis;
