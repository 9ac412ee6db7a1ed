package vn.giamngheo.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to compare (JSON body of {@code POST /api/v1/analysis/what-if}).
 *
 * @param unitId            commune, province or district; null: the user's unit (the country for national users)
 * @param currentStandard   null: the standard of the lists under review now
 * @param candidateStandard null: the current standard
 * @param parameters        parameter name → new value, applied to the candidate (e.g. income_line_rural → 2000000)
 */
record WhatIfRequest(Long unitId, String currentStandard, String candidateStandard, Map<String, String> parameters) {

    WhatIfRequest {
        parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
        currentStandard = blankToNull(currentStandard);
        candidateStandard = blankToNull(candidateStandard);
    }

    /** Parameters written one per line (or in a repeated request parameter) as {@code name=value}. */
    static Map<String, String> parseParameters(Iterable<String> lines) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String line : lines) {
            for (String part : line.split("[\\r\\n;]+")) {
                String text = part.strip();
                if (text.isEmpty()) {
                    continue;
                }
                int eq = text.indexOf('=');
                if (eq <= 0 || eq == text.length() - 1) {
                    throw new InvalidAnalysisException("a parameter change must read name=value, not '" + text + "'");
                }
                parameters.put(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
            }
        }
        return parameters;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
