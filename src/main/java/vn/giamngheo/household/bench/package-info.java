/** Benchmarks of the household registry run from the command line ({@code bench-import}), never tests. */
package vn.giamngheo.household.bench;
