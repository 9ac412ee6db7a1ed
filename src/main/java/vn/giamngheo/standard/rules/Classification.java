package vn.giamngheo.standard.rules;

import java.util.List;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The classification of one household under one standard.
 *
 * @param deprived the deprived indicator codes, in the standard's order
 * @param poorKind Decision 59 only, and only for poor households; otherwise {@code null}
 * @param indicators every indicator's result, in the standard's order
 */
public record Classification(String householdCode, String communeCode, String standard, Area area, PovertyStatus status,
        IncomeBasis incomeBasis, boolean belowLine, int deprivationCount, List<String> deprived, PoorKind poorKind,
        boolean socialProtection, List<IndicatorResult> indicators, Explanation explanation) {

    public Classification {
        deprived = List.copyOf(deprived);
        indicators = List.copyOf(indicators);
    }
}
