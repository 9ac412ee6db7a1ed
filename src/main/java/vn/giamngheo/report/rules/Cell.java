package vn.giamngheo.report.rules;

/**
 * Households counted together because they share a recorded place: the commune (and village) of their
 * status row in force, or of the register when they have none; {@code registerCommuneId} is the register's
 * current commune when it differs from the recorded one (it helps place a household of a split commune);
 * {@code area} is urban, rural or null (unknown: the commune's area type decides).
 */
public record Cell(long communeId, Long villageId, Long registerCommuneId, String area, Counts counts) {
}
