package vn.giamngheo.analysis;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Clear JSON errors for the analysis API: {"status": 400, "error": "Bad Request", "message": "…"}. */
@RestControllerAdvice(assignableTypes = AnalysisApiController.class)
class AnalysisApiErrors {

    record ApiError(int status, String error, String message) {
        static ResponseEntity<ApiError> of(HttpStatus status, String message) {
            return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message));
        }
    }

    @ExceptionHandler(InvalidAnalysisException.class)
    ResponseEntity<ApiError> invalid(InvalidAnalysisException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(UnitNotInAreaException.class)
    ResponseEntity<ApiError> notFound(UnitNotInAreaException e) {
        return ApiError.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return ApiError.of(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, "the body must be JSON: {\"unitId\": 123, \"currentStandard\": "
                + "\"ND07_2021\", \"candidateStandard\": null, \"parameters\": {\"income_line_rural\": \"2000000\"}}");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' is '" + e.getValue()
                + "': expected " + (e.getRequiredType() == null ? "a valid value"
                : "a " + e.getRequiredType().getSimpleName().toLowerCase()));
    }
}
