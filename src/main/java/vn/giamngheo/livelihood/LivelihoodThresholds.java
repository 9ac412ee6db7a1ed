package vn.giamngheo.livelihood;

import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.giamngheo.livelihood.targeting.TargetGroups;
import vn.giamngheo.livelihood.targeting.Thresholds;

/**
 * The thresholds of the target share and the newly-escaped window. Until the parameters table is available they
 * come from configuration ({@code giamngheo.livelihood.target-share.required}/{@code .preferred}, defaults 0.50
 * and 0.70, Decision 90/QĐ-TTg programme rules [S2]).
 */
@Component
class LivelihoodThresholds {

    private final BigDecimal required;
    private final BigDecimal preferred;
    private final int newlyEscapedMonths;

    LivelihoodThresholds(@Value("${giamngheo.livelihood.target-share.required:0.50}") BigDecimal required,
                         @Value("${giamngheo.livelihood.target-share.preferred:0.70}") BigDecimal preferred,
                         @Value("${giamngheo.livelihood.newly-escaped-months:36}") int newlyEscapedMonths) {
        this.required = required;
        this.preferred = preferred;
        this.newlyEscapedMonths = newlyEscapedMonths;
    }

    Thresholds current() {
        return new Thresholds(required, preferred);
    }

    TargetGroups targetGroups() {
        return new TargetGroups(newlyEscapedMonths);
    }
}
