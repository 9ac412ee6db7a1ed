/**
 * Working days and Vietnamese public holidays: the {@link vn.giamngheo.calendar.WorkingCalendar} that counts
 * deadlines in working days, the Vietnamese lunar calendar and the statutory holidays of the Labour Code.
 * Pure Java, no Spring.
 */
package vn.giamngheo.calendar;
