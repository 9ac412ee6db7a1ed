/**
 * Synthetic households (dữ liệu tổng hợp) calibrated on the national figures by region, for tests, benchmarks and
 * the {@code generate} command; plain Java.
 */
package vn.giamngheo.generation;
