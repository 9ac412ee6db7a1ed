package vn.giamngheo.household;

import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Clear JSON errors for the household API: 400 with every problem, 404, 409 with the newer values. */
@RestControllerAdvice(assignableTypes = HouseholdApiController.class)
class HouseholdApiErrors {

    private final MessageSource messages;

    HouseholdApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidHouseholdException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidHouseholdException e) {
        List<Map<String, Object>> problems = e.problems().stream().map(p -> Map.<String, Object>of(
                "field", p.field(),
                "value", p.value() == null ? "" : p.value(),
                "message", messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(),
                        LocaleContextHolder.getLocale()))).toList();
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "invalid household", "problems", problems));
    }

    @ExceptionHandler(HouseholdNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(HouseholdNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "error", e.getMessage()));
    }

    @ExceptionHandler(ConcurrentEditException.class)
    ResponseEntity<Map<String, Object>> conflict(ConcurrentEditException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409,
                "error", messages.getMessage("household.concurrent-edit", null, LocaleContextHolder.getLocale()),
                "current", e.current()));
    }
}
