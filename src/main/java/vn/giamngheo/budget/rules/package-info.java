/**
 * Budget tables of poverty-reduction plans (exchange-format §5): the item tree read from the codes and the checker
 * of their sums. Pure Java, no Spring; reuses the table reading and findings report of {@code vn.giamngheo.table}.
 */
@NamedInterface("rules")
package vn.giamngheo.budget.rules;

import org.springframework.modulith.NamedInterface;
