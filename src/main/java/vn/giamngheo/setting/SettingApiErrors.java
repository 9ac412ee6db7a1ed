package vn.giamngheo.setting;

import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Clear JSON errors for the settings API: 400 with every problem, 403, 404 for an unknown parameter. */
@RestControllerAdvice(assignableTypes = SettingApiController.class)
class SettingApiErrors {

    private final MessageSource messages;

    SettingApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidSettingException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidSettingException e) {
        List<Map<String, Object>> problems = e.problems().stream().map(p -> Map.<String, Object>of(
                "field", p.field(),
                "code", p.messageKey(),
                "message", messages.getMessage(p.messageKey(), p.argArray(), p.text(), LocaleContextHolder.getLocale())))
                .toList();
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", e.getMessage(), "problems", problems));
    }

    @ExceptionHandler(UnknownParameterException.class)
    ResponseEntity<Map<String, Object>> unknown(UnknownParameterException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> unreadable(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid " + e.getName());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message));
    }
}
