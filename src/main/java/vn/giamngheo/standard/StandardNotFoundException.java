package vn.giamngheo.standard;

/** No such standard (or version), or one outside the user's area: answered as 404. */
public class StandardNotFoundException extends RuntimeException {

    StandardNotFoundException(String code) {
        super("poverty standard " + code + " not found");
    }
}
