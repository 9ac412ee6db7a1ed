/**
 * Pure rules of the livelihood models' targeting (no Spring, no database): which participating households count
 * as target households, their share, and the check of the share against the programme's thresholds.
 */
package vn.giamngheo.livelihood.rules;
