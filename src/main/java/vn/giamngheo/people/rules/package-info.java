/**
 * The rules of the person-level indicators: a member's age on a day ({@link vn.giamngheo.people.rules.AgeOnDay}), age
 * bands, the retirement schedule of the Labour Code 2019, the indicators and their counts. No Spring.
 */
@NamedInterface("rules")
package vn.giamngheo.people.rules;

import org.springframework.modulith.NamedInterface;
