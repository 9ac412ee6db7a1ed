/**
 * Official documents of the annual review and the reports: PDF (OpenPDF, Liberation Serif embedded), DOCX
 * ({@code OfficialDocx}, Times New Roman declared) and XLSX
 * (Apache POI) laid out like Vietnamese administrative documents (Decree 30/2020/NĐ-CP). Inputs are plain
 * records of this package; fixed wording comes from {@code i18n/document}. No Spring, no database.
 */
package vn.giamngheo.document;
