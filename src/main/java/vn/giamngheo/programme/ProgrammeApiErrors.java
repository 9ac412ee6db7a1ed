package vn.giamngheo.programme;

import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** JSON errors of the programme, budget and monitoring API (controllers marked {@link ProgrammeApi}): 400 with every problem (and its line for imports), 403, 404. */
@RestControllerAdvice(annotations = ProgrammeApi.class)
class ProgrammeApiErrors {

    private final MessageSource messages;

    ProgrammeApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidProgrammeException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidProgrammeException e) {
        List<Map<String, Object>> problems = e.problems().stream().map(p -> Map.<String, Object>of(
                "line", p.line(), "field", p.field(), "code", p.messageKey(),
                "message", messages.getMessage(p.messageKey(), p.argArray(), p.messageKey() + " " + p.args(),
                        LocaleContextHolder.getLocale()))).toList();
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "refused, nothing stored", "problems", problems));
    }

    @ExceptionHandler(ProgrammeNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(ProgrammeNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "the request could not be read: " + e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message));
    }
}
