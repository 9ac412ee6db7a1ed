package vn.giamngheo.support;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such policy, unit or household in the user's area (the same answer whether it exists elsewhere or not). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SupportNotFoundException extends RuntimeException implements ErrorCoded {

    public SupportNotFoundException(String what) {
        super(what + " is not in your area");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.SUPPORT_NOT_FOUND;
    }

    @Override
    public java.util.Map<String, Object> errorMembers(Texts texts) {
        String text = texts.text("support.api.not-found", null, getMessage());
        return java.util.Map.of("message", text, "problems", java.util.List.of());
    }
}
