package vn.giamngheo.standard.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giamngheo.exchange.Area;

/**
 * A poverty standard (chuẩn nghèo): its code and every parameter, each with its legal source. Immutable.
 */
public record PovertyStandard(String code, Map<String, Parameter> parameters) {

    /** Decision 59: poor by income alone, or by deprivations in the band up to the upper line. */
    public static final String TWO_PATH = "two_path";
    /** Decree 07 / 351: income is a gate, deprivations split poor from near-poor. */
    public static final String INCOME_GATE = "income_gate";

    public PovertyStandard {
        parameters = Map.copyOf(parameters);
    }

    public Optional<Parameter> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public Parameter require(String name) {
        Parameter parameter = parameters.get(name);
        if (parameter == null) {
            throw new MissingParameterException(code, name);
        }
        return parameter;
    }

    /** Parameters in a stable order (by name) for display. */
    public List<Parameter> allParameters() {
        return parameters.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public List<String> indicators() {
        return require("indicators").asList();
    }

    public String ruleShape() {
        return require("rule_shape").value();
    }

    public int deprivationThreshold() {
        return require("deprivation_threshold").asInt();
    }

    public long incomeLine(Area area) {
        return require("income_line_" + area.code()).asLong();
    }

    public Optional<Long> upperLine(Area area) {
        return parameter("upper_line_" + area.code()).map(Parameter::asLong);
    }

    public String version() {
        return parameter("version").map(Parameter::value).orElse("1");
    }

    public Optional<LocalDate> validFrom() {
        return parameter("valid_from").map(p -> LocalDate.parse(p.value()));
    }

    public Optional<LocalDate> validTo() {
        return parameter("valid_to").map(p -> LocalDate.parse(p.value()));
    }

    /**
     * A provincial (or otherwise local) standard: a copy of this one under a new code, with some parameters
     * replaced (e.g. Đồng Nai 2022–2025: rural line 2,000,000 with ≥ 2 deprivations).
     *
     * @param overrides parameter name → new value
     * @param legalSource the act that sets the local standard (becomes the source of the changed values)
     */
    public PovertyStandard derive(String newCode, Map<String, String> overrides, String legalSource,
            LocalDate validFrom, LocalDate validTo) {
        Map<String, Parameter> copy = new LinkedHashMap<>(parameters);
        Map<String, String> changes = new LinkedHashMap<>(overrides);
        changes.put("valid_from", validFrom.toString());
        changes.put("valid_to", validTo.toString());
        changes.put("derived_from", code);
        changes.put("title", legalSource);
        changes.forEach((name, value) -> {
            Parameter old = copy.get(name);
            copy.put(name, old == null
                    ? new Parameter(name, value, "", legalSource, Confidence.S, "set by the local standard")
                    : old.withValue(value, legalSource, Confidence.S, "local value; national: " + old.value()));
        });
        return new PovertyStandard(newCode, copy);
    }

    static PovertyStandard of(String code, Collection<Parameter> parameters) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        new ArrayList<>(parameters).forEach(p -> map.put(p.name(), p));
        return new PovertyStandard(code, map);
    }
}
