package vn.giamngheo.support;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Clear JSON errors for the support API, translated from the message keys of bundle support (and exchange) in the
 * request's language: {"status": 400, "error": "Bad Request", "message": "…", "problems": [{"field", "message"}]}.
 */
@RestControllerAdvice(assignableTypes = SupportApiController.class)
class SupportApiErrors {

    private final MessageSource messages;

    SupportApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    record Problem(String field, Integer line, String value, String message) {
    }

    record ApiError(int status, String error, String message, List<Problem> problems) {
        static ResponseEntity<ApiError> of(HttpStatus status, String message, List<Problem> problems) {
            return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message,
                    problems));
        }
    }

    private String text(String key, Object[] args, String fallback) {
        return messages.getMessage(key, args, fallback, LocaleContextHolder.getLocale());
    }

    @ExceptionHandler(InvalidSupportRequestException.class)
    ResponseEntity<ApiError> invalid(InvalidSupportRequestException e) {
        List<Problem> problems = e.keys().stream().map(k -> new Problem(null, null, null, text(k, null, e.getMessage())))
                .toList();
        return ApiError.of(HttpStatus.BAD_REQUEST, problems.get(0).message(), problems);
    }

    @ExceptionHandler(BenefitRejectedException.class)
    ResponseEntity<ApiError> rejected(BenefitRejectedException e) {
        List<Problem> problems = e.problems().stream().filter(p -> p.isError())
                .map(p -> new Problem(p.column(), p.line(), p.value(), text(p.code(), p.args().toArray(), p.message())))
                .toList();
        return ApiError.of(HttpStatus.BAD_REQUEST, text("support.api.not-recorded", null, e.getMessage()), problems);
    }

    @ExceptionHandler(SupportNotFoundException.class)
    ResponseEntity<ApiError> notFound(SupportNotFoundException e) {
        return ApiError.of(HttpStatus.NOT_FOUND, text("support.api.not-found", null, e.getMessage()), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return ApiError.of(HttpStatus.FORBIDDEN, text("support.api.forbidden", null, e.getMessage()), List.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, text("support.api.unreadable", null,
                "the body must be JSON with the documented fields"), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, text("support.api.bad-parameter",
                new Object[] {e.getName(), String.valueOf(e.getValue())}, "parameter '" + e.getName() + "' is '"
                        + e.getValue() + "'"), List.of());
    }
}
