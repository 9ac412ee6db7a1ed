/**
 * The status kernel (tình trạng hộ theo danh sách đã quyết định): a household's decided status in force on a day and
 * a unit's list on a day, read through one model with one tie-break (SQL {@code status_in_force}, {@code status_of},
 * views {@code decided_status}, {@code status_history}; {@link vn.giamngheo.status.DecidedLists}); the words in
 * {@code status.rules}.
 */
package vn.giamngheo.status;
