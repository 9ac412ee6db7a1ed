/**
 * The register of policy credit (tín dụng chính sách): the social-policy bank's lending programmes as data, the
 * loans of households with the history of their balances (outstanding, overdue) on dates, the import of the bank's
 * CSV export (all or nothing for line errors; households matched by code or by a member's identity number; rows
 * that match no household listed and stored nowhere), and the figures by unit, programme and status on a date.
 */
package vn.giamngheo.credit;
