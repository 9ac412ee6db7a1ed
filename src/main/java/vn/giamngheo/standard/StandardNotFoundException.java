package vn.giamngheo.standard;

/** No such standard (or version), or one outside the user's area: answered as 404 (pages and API). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class StandardNotFoundException extends RuntimeException {

    StandardNotFoundException(String code) {
        super("poverty standard " + code + " not found");
    }
}
