/**
 * Poverty-reduction plans: checking printed plan target tables (exchange-format §4), tracking targets and
 * allocating a parent's target to communes. Pure Java, no Spring; the table reading and findings report are in
 * {@code vn.giamngheo.table}.
 */
@NamedInterface("rules")
package vn.giamngheo.plan.rules;

import org.springframework.modulith.NamedInterface;
