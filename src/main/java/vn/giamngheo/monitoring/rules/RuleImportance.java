package vn.giamngheo.monitoring.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How much a violated rule matters: a high one blocks saving the entry; medium and low ones are shown. */
public enum RuleImportance {
    HIGH, MEDIUM, LOW;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RuleImportance> ofCode(String code) {
        return Arrays.stream(values()).filter(i -> i.code().equals(code)).findFirst();
    }

    public boolean blocking() {
        return this == HIGH;
    }
}
