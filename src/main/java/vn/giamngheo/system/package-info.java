/**
 * System wiring (hệ thống): database, clock, web settings, input filters and the command line ({@code system.cli})
 * that the other modules plug their commands into.
 */
package vn.giamngheo.system;
