package vn.giamngheo.programmegoal;

import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.giamngheo.format.Formats;

/** The words of a check in the reader's language: the reason with its figures formatted as every page formats them. */
@Component
class ProgrammeGoalTexts {

    private final MessageSource messages;

    ProgrammeGoalTexts(MessageSource messages) {
        this.messages = messages;
    }

    String reason(ProgrammeGoals.Check c, Locale locale) {
        Formats f = Formats.of(locale);
        Object[] args = c.reasonArgs().stream().map(a -> a instanceof BigDecimal d ? f.decimal(d, 2)
                : a instanceof Long l ? f.count(l) : a instanceof Integer i ? f.year(i) : String.valueOf(a)).toArray();
        return messages.getMessage(c.reasonKey(), args, c.reasonKey(), locale);
    }

    /** A figure of a check: a rate with two decimals and its sign, or a number of communes. */
    String figure(ProgrammeGoals.Check c, BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        Formats f = Formats.of(locale);
        return c.unit() == ProgrammeGoals.Unit.RATE ? f.rate(value, 2) : f.count(value);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
