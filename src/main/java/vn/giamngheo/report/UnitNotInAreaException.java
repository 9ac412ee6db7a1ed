package vn.giamngheo.report;

@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
/** The unit does not exist or lies outside the user's area (404 either way). */
class UnitNotInAreaException extends RuntimeException {
    UnitNotInAreaException(Object unit) {
        super("unit " + unit + " not found");
    }
}
