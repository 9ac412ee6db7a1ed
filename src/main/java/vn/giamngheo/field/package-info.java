/**
 * The survey in the village, offline (issue 25): the installable field app served by the application, and on the
 * server ({@code field.sync}) the assignment of villages, the download package, the changes a device sends back with
 * their conflicts, and the position and photo of a house.
 */
package vn.giamngheo.field;
