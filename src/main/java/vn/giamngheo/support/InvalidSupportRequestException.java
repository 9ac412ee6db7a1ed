package vn.giamngheo.support;

import java.util.List;

/** A request the support module refuses (400): the message keys of bundle support that say why. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class InvalidSupportRequestException extends RuntimeException {

    private final transient List<String> keys;

    public InvalidSupportRequestException(List<String> keys, String message) {
        super(message);
        this.keys = List.copyOf(keys);
    }

    public InvalidSupportRequestException(String key, String message) {
        this(List.of(key), message);
    }

    public List<String> keys() {
        return keys;
    }
}
