/**
 * Settings the administrator sees and changes: {@link vn.giamngheo.setting.Parameters} (every uncertain rule
 * value, with its legal source and confidence) and {@link vn.giamngheo.setting.PublicHolidays} (the working
 * calendar: statutory holidays plus the government's yearly announcements).
 */
package vn.giamngheo.setting;
