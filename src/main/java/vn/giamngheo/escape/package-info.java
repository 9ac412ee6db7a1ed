/**
 * Households that register to escape poverty (hộ đăng ký thoát nghèo) and the organisations and people assigned
 * to help them (phân công giúp đỡ). Registrations are closed as escaped or not escaped by the periodic decision
 * of their commune and list year ({@link vn.giamngheo.review.ListsDecided}), in the deciding transaction.
 */
package vn.giamngheo.escape;
