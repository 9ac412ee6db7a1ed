/**
 * Poverty standards as versioned data that administrators and province officers can see and change: the
 * national standards, provincial standards derived from them, and the schedule of which standard applies to
 * the lists of which years. {@link vn.giamngheo.standard.StandardRegistry} is the module's API for the rest of
 * the system; the rules themselves (the classifier) are in the pure {@code vn.giamngheo.standard.rules}.
 */
package vn.giamngheo.standard;
