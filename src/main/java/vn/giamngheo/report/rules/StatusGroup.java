package vn.giamngheo.report.rules;

import java.util.List;

/**
 * Poor or near-poor households of one recorded place with the same list of codes (the indicators they
 * are deprived on, or one cause of poverty). {@code status}: the database word of a {@link
 * vn.giamngheo.status.rules.PovertyStatus}.
 */
public record StatusGroup(long communeId, Long villageId, Long registerCommuneId, String status, List<String> codes,
                          long households) {

    public StatusGroup {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }
}
