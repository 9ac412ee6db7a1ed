package vn.giamngheo.review;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.giamngheo.review.rules.Refusal;

/** Says the reasons of a refusal in the reader's language (dates as dd/MM/yyyy, state codes in words). */
@Component
class RefusalMessages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;

    RefusalMessages(MessageSource messages) {
        this.messages = messages;
    }

    List<String> of(ReviewRefusedException e, Locale locale) {
        return e.refusals().stream().map(r -> of(r, locale)).toList();
    }

    String of(Refusal r, Locale locale) {
        Object[] args = r.args().stream().map(a -> argument(a, locale)).toArray();
        return messages.getMessage(r.key(), args, r.key(), locale);
    }

    /** The same text through the texts of a problem's answer (see {@link ReviewRefusedException#errorMembers}). */
    static String text(Refusal r, vn.giamngheo.problem.ErrorCoded.Texts texts) {
        Object[] args = r.args().stream().map(a -> a instanceof LocalDate d ? DATE.format(d)
                : a instanceof String s && !s.isEmpty() && s.chars().allMatch(c -> c == '_' || Character.isLowerCase(c))
                ? texts.text("review.state." + s, null, s) : a).toArray();
        return texts.text(r.key(), args, r.key());
    }

    private Object argument(Object a, Locale locale) {
        if (a instanceof LocalDate d) {
            return DATE.format(d);
        }
        if (a instanceof String s && !s.isEmpty() && s.chars().allMatch(c -> c == '_' || Character.isLowerCase(c))) {
            return messages.getMessage("review.state." + s, null, s, locale);
        }
        return a;
    }
}
