/**
 * Pure rules of plan tasks: how far an output has been reported to date from its accepted reports, and the share of
 * its target. No Spring, no database.
 */
package vn.giamngheo.task.rules;
