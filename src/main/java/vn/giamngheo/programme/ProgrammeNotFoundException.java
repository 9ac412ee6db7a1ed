package vn.giamngheo.programme;

/** Not there, or outside the user's area (which is not told apart: both are 404). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class ProgrammeNotFoundException extends RuntimeException {

    public ProgrammeNotFoundException(String message) {
        super(message);
    }
}
