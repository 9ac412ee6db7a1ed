package vn.giamngheo.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.standard.rules.IndicatorPolicies;
import vn.giamngheo.standard.rules.Parameter;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.security.CurrentUser;

/**
 * What-if: every household of a unit classified under the current standard and under a candidate (another
 * standard, or the current one with changed parameters). Reads only: decided lists and stored statuses are
 * never touched. Each run is audited with its unit and candidate.
 */
@Service
class WhatIfService {

    /** Parameters that name or date a standard rather than decide a household. */
    private static final Set<String> FIXED = Set.of("title", "version", "valid_from", "valid_to", "derived_from");

    private final StandardSource standards;
    private final AreaHouseholds households;
    private final AuditLog audit;

    WhatIfService(StandardSource standards, AreaHouseholds households, AuditLog audit) {
        this.standards = standards;
        this.households = households;
        this.audit = audit;
    }

    /** Checks a request: the unit must lie in the user's area, standards and parameter values must exist and fit. */
    WhatIfPlan plan(WhatIfRequest request, CurrentUser user) {
        AnalysisArea area = households.resolve(request.unitId(), user);
        PovertyStandard current = request.currentStandard() == null ? standards.current()
                : standard(request.currentStandard());
        PovertyStandard base = request.candidateStandard() == null ? current : standard(request.candidateStandard());
        Map<String, String> changes = new java.util.LinkedHashMap<>();
        request.parameters().forEach((name, value) -> changes.put(name.strip(), normalised(base, name.strip(), value)));
        if (changes.isEmpty() && base.code().equals(current.code())) {
            throw new InvalidAnalysisException("the candidate is the current standard " + current.code()
                    + ": choose another standard or change a parameter");
        }
        changes.forEach((name, value) -> check(base, name, value));
        PovertyStandard candidate = changes.isEmpty() ? base
                : base.derive(base.code() + "+what-if", changes, "what-if (not a decided standard)",
                base.validFrom().orElse(LocalDate.of(2000, 1, 1)), base.validTo().orElse(LocalDate.of(2100, 12, 31)));
        return new WhatIfPlan(area, current, candidate, base.code(), changes);
    }

    /** Classifies every household of the plan's unit under both standards; {@code progress} gets 0–100. */
    WhatIfResult run(WhatIfPlan plan, CurrentUser user, IntConsumer progress) {
        long total = Math.max(1, households.count(plan.area(), user));
        LocalDate date = standards.today();
        WhatIfTally tally = new WhatIfTally();
        int[] lastPercent = {-1};
        households.forEach(plan.area(), user, h -> {
            tally.add(h, Assessment.of(h, plan.current(), date), Assessment.of(h, plan.candidate(), date));
            int percent = (int) Math.min(99, tally.households() * 100 / total);
            if (percent != lastPercent[0]) {
                lastPercent[0] = percent;
                progress.accept(percent);
            }
        });
        WhatIfResult result = tally.result(plan);
        audit.record("WHAT_IF", "analysis", plan.area().label(), plan.area().provinceCode(),
                "what-if on " + plan.area().label() + " (" + plan.area().name() + "): current " + plan.current().code()
                        + ", candidate " + plan.candidateLabel() + "; " + result.households() + " households, "
                        + result.changed() + " change status; nothing stored");
        progress.accept(100);
        return result;
    }

    private PovertyStandard standard(String code) {
        return standards.standard(code).orElseThrow(() -> new InvalidAnalysisException(
                "unknown standard '" + code + "'; known: " + String.join(", ", standards.codes())));
    }

    /** A changed value must replace an existing parameter with a value of the same kind. */
    private static void check(PovertyStandard base, String name, String value) {
        if (FIXED.contains(name)) {
            throw new InvalidAnalysisException("parameter '" + name + "' names the standard and cannot be changed");
        }
        Parameter old = base.parameter(name).orElseThrow(() -> new InvalidAnalysisException(
                "standard " + base.code() + " has no parameter '" + name + "'"));
        String was = old.value().strip();
        if (name.equals("rule_shape")) {
            if (!value.equals(PovertyStandard.TWO_PATH) && !value.equals(PovertyStandard.INCOME_GATE)) {
                throw new InvalidAnalysisException("rule_shape must be two_path or income_gate, not '" + value + "'");
            }
        } else if (name.equals("indicators")) {
            for (String indicator : value.split(";")) {
                if (IndicatorPolicies.policyFor(indicator.strip()).isEmpty()) {
                    throw new InvalidAnalysisException("no rule for indicator '" + indicator.strip() + "'");
                }
            }
        } else if (was.matches("-?\\d+")) {
            if (!value.matches("\\d+")) {
                throw new InvalidAnalysisException("parameter '" + name + "' needs a whole number (was " + was
                        + "), not '" + value + "'");
            }
        } else if (isDecimal(was)) {
            if (!isDecimal(value) || value.startsWith("-")) {
                throw new InvalidAnalysisException("parameter '" + name + "' needs a number (was " + was + "), not '"
                        + value + "'");
            }
        } else if (was.equalsIgnoreCase("yes") || was.equalsIgnoreCase("no")) {
            if (!value.equalsIgnoreCase("yes") && !value.equalsIgnoreCase("no")) {
                throw new InvalidAnalysisException("parameter '" + name + "' needs yes or no, not '" + value + "'");
            }
        }
    }

    /** Whole numbers may be written the Vietnamese way, with dots or spaces between thousands (2.000.000). */
    private static String normalised(PovertyStandard base, String name, String value) {
        String v = value == null ? "" : value.strip();
        boolean whole = base.parameter(name).map(p -> p.value().strip().matches("-?\\d+")).orElse(false);
        return whole && v.matches("\\d{1,3}([. ]\\d{3})+") ? v.replaceAll("[. ]", "") : v;
    }

    private static boolean isDecimal(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
