/**
 * Poverty-reduction plans: checking printed plan target tables (exchange-format §4) and allocating a
 * parent's target to communes. Also home of the table reading and findings report shared with the
 * {@code budget} checker (exchange-format §6). Pure Java, no Spring.
 */
package vn.giamngheo.plan.rules;
