package vn.giamngheo.geography;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Clear JSON errors for the unit API: {"status": 400, "error": "Bad Request", "message": "…"}. */
@RestControllerAdvice(assignableTypes = UnitApiController.class)
class UnitApiErrors {

    record ApiError(int status, String error, String message) {
        static ResponseEntity<ApiError> of(HttpStatus status, String message) {
            return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message));
        }
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return ApiError.of(e.status(), e.getMessage());
    }

    @ExceptionHandler(UnknownUnitException.class)
    ResponseEntity<ApiError> unknown(UnknownUnitException e) {
        return ApiError.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> badArgument(IllegalArgumentException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() != null && e.getRequiredType().getSimpleName().equals("LocalDate")
                ? "an ISO date like 2025-06-30" : "a " + (e.getRequiredType() == null ? "valid value"
                : e.getRequiredType().getSimpleName().toLowerCase());
        return ApiError.of(HttpStatus.BAD_REQUEST,
                "parameter '" + e.getName() + "' is '" + e.getValue() + "': expected " + expected);
    }
}
