package vn.giamngheo.review.rules;

import java.util.List;

/**
 * Why a step of the review is refused: a message key (bundle {@code review}) and its arguments, so pages and the
 * API can say it in the reader's language.
 */
public record Refusal(String key, List<Object> args) {

    public Refusal {
        args = List.copyOf(args);
    }

    public static Refusal of(String key, Object... args) {
        return new Refusal(key, List.of(args));
    }
}
