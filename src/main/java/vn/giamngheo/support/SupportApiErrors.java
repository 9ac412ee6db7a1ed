package vn.giamngheo.support;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Clear JSON errors for the support API: {"status": 400, "error": "Bad Request", "message": "…"}. */
@RestControllerAdvice(assignableTypes = SupportApiController.class)
class SupportApiErrors {

    record ApiError(int status, String error, String message) {
        static ResponseEntity<ApiError> of(HttpStatus status, String message) {
            return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message));
        }
    }

    @ExceptionHandler(InvalidSupportRequestException.class)
    ResponseEntity<ApiError> invalid(InvalidSupportRequestException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(SupportNotFoundException.class)
    ResponseEntity<ApiError> notFound(SupportNotFoundException e) {
        return ApiError.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return ApiError.of(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' is '" + e.getValue()
                + "': expected " + (e.getRequiredType() == null ? "a valid value"
                : "a " + e.getRequiredType().getSimpleName().toLowerCase()));
    }
}
