/**
 * The status words (tình trạng: hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình, không nghèo) as one pure type,
 * {@link vn.giamngheo.status.rules.PovertyStatus}, used by every feature's rules. No Spring.
 */
@NamedInterface("rules")
package vn.giamngheo.status.rules;

import org.springframework.modulith.NamedInterface;
