/**
 * How numbers, amounts, rates, years and dates are written for a reader (định dạng số liệu): Vietnamese
 * conventions in {@code vi} (1.234,5; 12,5%; dd/MM/yyyy; years without separator), English conventions in
 * {@code en}. The one place that decides it, for pages (Thymeleaf {@code #fmt}), XLSX, PDF and DOCX; CSV files
 * keep machine formats (exchange-format). Plain Java.
 */
package vn.giamngheo.format;
