/**
 * Pure rules of movements on the decided lists (thoát nghèo, tái nghèo, nghèo phát sinh, arrivals and
 * departures) and their reconciliation; no Spring, no database.
 */
package vn.giamngheo.movement.rules;
