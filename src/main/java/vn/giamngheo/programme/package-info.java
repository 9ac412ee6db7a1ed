/**
 * The programme in the database: its catalogue by period, budget lines with roll-ups, cost tables
 * (pages, XLSX, PDF, import), monitoring indicators with targets, and periodic reports sent up the
 * levels. Rules come from {@code vn.giamngheo.budget} and {@code vn.giamngheo.monitoring}.
 */
package vn.giamngheo.programme;
