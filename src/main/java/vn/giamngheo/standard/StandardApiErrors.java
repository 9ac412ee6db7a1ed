package vn.giamngheo.standard;

import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Clear JSON errors for the standards API: 400 with every problem, 403, 404, 409 with the current version. */
@RestControllerAdvice(assignableTypes = StandardApiController.class)
class StandardApiErrors {

    private final MessageSource messages;

    StandardApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidStandardException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidStandardException e) {
        List<Map<String, Object>> problems = e.problems().stream().map(p -> Map.<String, Object>of(
                "field", p.field(),
                "code", p.messageKey(),
                "message", messages.getMessage(p.messageKey(), p.argArray(), p.messageKey() + " " + p.args(),
                        LocaleContextHolder.getLocale()))).toList();
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "invalid change", "problems", problems));
    }

    @ExceptionHandler(StandardNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(StandardNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(StandardConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(StandardConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "error", e.getMessage(),
                "currentVersion", e.currentVersion()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "the request could not be read: " + e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message));
    }
}
