/**
 * People as well as households (người, không chỉ hộ): person-level indicators computed from the register on a day —
 * members of the households by list status (status kernel), sex and age band, with disability, children of school
 * age in school, health insurance, working age with working capacity, employed, trained workers — with their
 * denominators ({@link vn.giamngheo.people.PeopleFigures}); the report set's people section and plans' coverage
 * targets about people read them. The rules (age on a day, bands, retirement ages) in {@code people.rules}.
 */
package vn.giamngheo.people;
