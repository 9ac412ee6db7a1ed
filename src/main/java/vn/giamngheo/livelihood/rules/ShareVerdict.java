package vn.giamngheo.livelihood.rules;

import java.util.Locale;

/** The result of checking a model's share of target households. */
public enum ShareVerdict {
    /** No participant yet: the rule cannot be met. */
    NO_PARTICIPANTS,
    /** Below the required share: flagged. */
    BELOW_REQUIRED,
    /** At or above the required share, below the preferred one. */
    REQUIRED_MET,
    /** At or above the preferred share. */
    PREFERRED;

    /** Shown as a problem on the model's page and in the list. */
    public boolean flagged() {
        return this == NO_PARTICIPANTS || this == BELOW_REQUIRED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
