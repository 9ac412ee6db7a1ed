package vn.giamngheo.livelihood.rules;

import java.util.Locale;

/**
 * The target households of a livelihood model, in the order a household is counted (once, under the first group
 * it belongs to): poor, near-poor (on the decided status the day it joins), newly escaped (escaped poverty or
 * near-poverty by a decision within the window before joining), ethnic-minority household. [?] the programme text
 * also names "similar" groups (people with disabilities, women of poor households); they are not counted yet.
 */
public enum TargetGroup {
    POOR, NEAR_POOR, NEWLY_ESCAPED, ETHNIC_MINORITY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
