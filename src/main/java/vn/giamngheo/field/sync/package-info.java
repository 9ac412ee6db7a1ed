/**
 * The field app's sync on the server (issue 25): who surveys which villages of a round (assignments), the download
 * package of a round's villages, the changes a device sends back (applied through the register's and the review's own
 * services, idempotent, conflicts kept side by side), the GPS position and photo of a house, and the conflicts page.
 */
package vn.giamngheo.field.sync;
