package vn.giamngheo.support;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import java.util.List;

/** A request the support module refuses (400): the message keys of bundle support that say why. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class InvalidSupportRequestException extends RuntimeException implements ErrorCoded {

    private final transient List<String> keys;

    public InvalidSupportRequestException(List<String> keys, String message) {
        super(message);
        this.keys = List.copyOf(keys);
    }

    public InvalidSupportRequestException(String key, String message) {
        this(List.of(key), message);
    }

    public List<String> keys() {
        return keys;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.SUPPORT_INVALID;
    }

    @Override
    public java.util.Map<String, Object> errorMembers(Texts texts) {
        java.util.List<java.util.Map<String, Object>> problems = keys.stream().map(k -> ErrorCoded.item(
                "field", null, "line", null, "value", null, "message", texts.text(k, null, getMessage()))).toList();
        return java.util.Map.of("message", problems.get(0).get("message"), "problems", problems);
    }
}
