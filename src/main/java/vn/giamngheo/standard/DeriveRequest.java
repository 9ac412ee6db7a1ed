package vn.giamngheo.standard;

import java.time.LocalDate;
import java.util.Map;

/**
 * A provincial standard to derive from an existing one (e.g. Đồng Nai 2022–2025: {@code DNAI_2022}, rural line
 * 2,000,000 and deprivation threshold 2).
 *
 * @param parameters parameter name → new value; the others are copied from the base standard
 */
public record DeriveRequest(String code, String name, String provinceCode, LocalDate validFrom, LocalDate validTo,
                            String legalBasis, Map<String, String> parameters) {

    public DeriveRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
