package vn.giamngheo.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload form or API (a file expected) sent something that is not a multipart request: the request is wrong,
 * 400 — not a server error (the write walk found these answering 500).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MultipartRequired {

    @ExceptionHandler(MultipartException.class)
    void notMultipart(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, "a file upload (multipart/form-data) was expected");
    }
}
