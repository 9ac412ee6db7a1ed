/**
 * Livelihood and poverty-reduction models (mô hình giảm nghèo) with their participating households, the share of
 * target households checked against the programme's thresholds, and the participants' outcomes. The rules are in
 * the pure {@code vn.giamngheo.livelihood.targeting}.
 */
package vn.giamngheo.livelihood;
