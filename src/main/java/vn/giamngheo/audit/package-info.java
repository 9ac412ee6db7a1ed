/**
 * Audit trail (nhật ký kiểm tra): every change of data and every read of personal data, recorded with who, when
 * and where, and the page that shows it.
 */
package vn.giamngheo.audit;
