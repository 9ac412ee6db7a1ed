package vn.giamngheo.livelihood;

import org.springframework.stereotype.Component;
import vn.giamngheo.livelihood.rules.TargetGroups;
import vn.giamngheo.livelihood.rules.Thresholds;
import vn.giamngheo.setting.Parameters;

/**
 * The thresholds of the target share and the newly-escaped window, read from the administrator-visible parameters
 * ({@code livelihood.target_share.required} 0.50 and {@code .preferred} 0.70, Decision 90/QĐ-TTg programme rules
 * [S2]; {@code livelihood.newly_escaped.months} 36 [?]) each time, so a change applies at once.
 */
@Component
class LivelihoodThresholds {

    static final String REQUIRED = "livelihood.target_share.required";
    static final String PREFERRED = "livelihood.target_share.preferred";
    static final String NEWLY_ESCAPED_MONTHS = "livelihood.newly_escaped.months";

    private final Parameters parameters;

    LivelihoodThresholds(Parameters parameters) {
        this.parameters = parameters;
    }

    Thresholds current() {
        return new Thresholds(parameters.decimalValue(REQUIRED), parameters.decimalValue(PREFERRED));
    }

    TargetGroups targetGroups() {
        return new TargetGroups(parameters.intValue(NEWLY_ESCAPED_MONTHS));
    }
}
