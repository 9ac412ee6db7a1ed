package vn.giamngheo.setting;

import java.util.List;

/**
 * One thing wrong with a requested change: the field, a message key of {@code i18n/setting}, its arguments
 * and the English text used when no message source is at hand.
 */
public record SettingProblem(String field, String messageKey, List<Object> args, String text) {

    public SettingProblem {
        args = List.copyOf(args);
    }

    static SettingProblem of(String field, String messageKey, String text, Object... args) {
        return new SettingProblem(field, messageKey, List.of(args), text);
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
