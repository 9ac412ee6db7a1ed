package vn.giamngheo.status.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The status words of the lists (hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình, none of these): the result of
 * a classification and the status a decision recognised. The only place that spells the database words
 * ({@code poor}, {@code near_poor}, {@code average}, {@code not_poor}); SQL binds {@link #code()} as a parameter.
 */
public enum PovertyStatus {
    POOR, NEAR_POOR, AVERAGE, NOT_POOR;

    /** The statuses on the lists that give support: poor or near-poor. */
    public static final Set<PovertyStatus> LISTED = Set.of(POOR, NEAR_POOR);

    /** The database word: {@code poor}, {@code near_poor}, {@code average}, {@code not_poor}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The message key of the word ({@code status.poor}, …, in messages.properties). */
    public String messageKey() {
        return "status." + code();
    }

    /** Poor or near-poor. */
    public boolean listed() {
        return LISTED.contains(this);
    }

    /** The status of a database word ({@code null} stays {@code null}; surrounding blanks and case ignored). */
    public static PovertyStatus ofCode(String code) {
        return code == null ? null : valueOf(code.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether a database word is this status. */
    public boolean is(String code) {
        return code().equals(code);
    }

    /** The database word as an SQL literal: {@code 'poor'}, … (the constant the planner sees, as before). */
    public String literal() {
        return "'" + code() + "'";
    }

    /**
     * An SQL text with its status words as placeholders, each replaced by its literal: {@code {poor}}, {@code
     * {near_poor}}, {@code {average}}, {@code {not_poor}}, and {@code {listed}} (= {@code 'poor', 'near_poor'}).
     */
    public static String sql(String text) {
        String out = text.replace("{listed}", POOR.literal() + ", " + NEAR_POOR.literal());
        for (PovertyStatus s : values()) {
            out = out.replace("{" + s.code() + "}", s.literal());
        }
        return out;
    }

    /** The database words of the poor and near-poor lists, poor first (for {@code status IN (:listed)}). */
    public static List<String> listedCodes() {
        return List.of(POOR.code(), NEAR_POOR.code());
    }
}
