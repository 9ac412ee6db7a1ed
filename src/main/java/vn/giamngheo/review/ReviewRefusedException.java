package vn.giamngheo.review;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import java.util.List;
import vn.giamngheo.review.rules.Refusal;

/** A step of the review that its rules refuse; nothing was stored. Carries every reason. */
public class ReviewRefusedException extends RuntimeException implements ErrorCoded {

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

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.REVIEW_REFUSED;
    }

    @Override
    public String errorMessage() {
        return null;
    }

    @Override
    public java.util.Map<String, Object> errorMembers(Texts texts) {
        return ErrorCoded.members("refused", refusals.stream().map(r -> ErrorCoded.item(
                "code", r.key(), "message", RefusalMessages.text(r, texts))).toList());
    }
}
