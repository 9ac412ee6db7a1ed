package vn.giamngheo.escape;

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

/** Clear JSON errors for the escape API: 400 with every problem in words, 403, 404. */
@RestControllerAdvice(assignableTypes = EscapeApiController.class)
class EscapeApiErrors {

    private final MessageSource messages;

    EscapeApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidEscapeException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidEscapeException e) {
        List<Map<String, Object>> problems = e.problems().stream().map(p -> Map.<String, Object>of("field", p.field(),
                "message", messages.getMessage(p.key(), p.args().toArray(), p.key(), LocaleContextHolder.getLocale()))).toList();
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "invalid request", "problems", problems));
    }

    @ExceptionHandler(EscapeNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(EscapeNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "error", e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("status", 403, "error", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error",
                "the body must be JSON with the documented fields (dates as YYYY-MM-DD)"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error",
                "parameter '" + e.getName() + "' is '" + e.getValue() + "'"));
    }
}
