/**
 * Monitoring of the programme (giám sát, đánh giá): indicators with baselines and targets (the results framework)
 * and the periodic reports sent up the levels with their deadlines and workflow; the pure rules are in {@code
 * monitoring.rules}.
 */
package vn.giamngheo.monitoring;
