package vn.giamngheo.geography;

import java.time.LocalDate;

/**
 * One link of the history: {@code unit} is the predecessor or the successor of the unit asked about.
 *
 * @param relation  whole (all of the predecessor went into the successor), part (a split: only part of it), or
 *                  reclassified
 * @param note      the statistics office's remark (Nhập toàn bộ, Nhập một phần, Giữ nguyên…)
 * @param sourceRow the row in the statistics office's crosswalk, when the link comes from it
 */
public record Succession(AdminUnit unit, String relation, LocalDate effectiveDate, String note, Integer sourceRow) {
}
