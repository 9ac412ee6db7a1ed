/**
 * The household exchange format (exchange-format §1): typed records and a pure-Java reader/writer for
 * {@code households.csv} + {@code members.csv} and the same columns in XLSX. No Spring, no database.
 */
package vn.giamngheo.exchange;
