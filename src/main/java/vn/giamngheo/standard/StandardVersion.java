package vn.giamngheo.standard;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One version of a poverty standard as stored: written once, never changed. The classification code used
 * elsewhere is {@link #code()}; {@link #version()} says which set of parameters decided a result.
 *
 * @param kind         {@value #NATIONAL} or {@value #PROVINCIAL}
 * @param baseCode     the standard a provincial standard was derived from (null for national ones)
 * @param baseVersion  the version of {@code baseCode} it was derived from
 * @param provinceCode the province of a provincial standard (null for national ones)
 * @param changeNote   what this version changed and on which legal source (empty for a first version)
 */
public record StandardVersion(long id, String code, int version, String name, String kind, String baseCode,
                              Integer baseVersion, String provinceCode, LocalDate validFrom, LocalDate validTo,
                              String legalBasis, String changeNote, String createdBy, OffsetDateTime createdAt) {

    public static final String NATIONAL = "national";
    public static final String PROVINCIAL = "provincial";

    public boolean provincial() {
        return PROVINCIAL.equals(kind);
    }
}
