package vn.giamngheo.review;

import java.util.List;
import vn.giamngheo.review.rules.Refusal;

/** A step of the review that its rules refuse; nothing was stored. Carries every reason. */
public class ReviewRefusedException extends RuntimeException {

    private final List<Refusal> refusals;

    public ReviewRefusedException(List<Refusal> refusals) {
        super(refusals.stream().map(r -> r.key() + r.args()).toList().toString());
        this.refusals = List.copyOf(refusals);
    }

    public ReviewRefusedException(String key, Object... args) {
        this(List.of(Refusal.of(key, args)));
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
