/**
 * Pure rules of movements on the decided lists (thoát nghèo, tái nghèo, nghèo phát sinh, arrivals and
 * departures) and their reconciliation; no Spring, no database.
 */
@NamedInterface("rules")
package vn.giamngheo.movement.rules;

import org.springframework.modulith.NamedInterface;
