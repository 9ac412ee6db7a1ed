/**
 * Multidimensional poverty measurement by the Alkire–Foster counting method (H, A, M0, indicator and
 * subgroup breakdowns), pure Java, checked against the published mpitb/mpitbR figures.
 */
package vn.giamngheo.analysis.rules;
