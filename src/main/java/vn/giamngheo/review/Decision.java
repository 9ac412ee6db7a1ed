package vn.giamngheo.review;

import java.time.LocalDate;

/** A commune chair's decision recognising the lists of a round (form 02); revoked when a higher level returns it. */
public record Decision(long id, long roundId, String provinceCode, long communeId, String number, LocalDate decidedOn,
                       LocalDate effectiveFrom, int listYear, String signedBy, LocalDate revokedOn, String revokeReason) {

    public boolean revoked() {
        return revokedOn != null;
    }
}
