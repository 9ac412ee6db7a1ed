/**
 * Poverty standards as data ({@code classification/standards.csv}) and a pure classifier that decides poor,
 * near-poor, average or not poor from a household's facts, with an explanation of every step. No Spring.
 */
@NamedInterface("rules")
package vn.giamngheo.standard.rules;

import org.springframework.modulith.NamedInterface;
