/**
 * Monitoring rules of the programme (Circular 10/2022/TT-BLĐTBXH): report periods and their due dates, the report
 * workflow (submit, return with a reason, approve and lock), timeliness, indicator values and whether a target is
 * met. Pure Java, no Spring; the database side lives in {@code vn.giamngheo.monitoring}.
 */
@NamedInterface("rules")
package vn.giamngheo.monitoring.rules;

import org.springframework.modulith.NamedInterface;
