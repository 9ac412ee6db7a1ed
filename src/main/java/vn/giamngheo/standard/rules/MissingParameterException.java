package vn.giamngheo.standard.rules;

/** A standard lacks a parameter that a rule needs (a data error in the standard, not in the household). */
public class MissingParameterException extends RuntimeException {

    public MissingParameterException(String standard, String parameter) {
        super("standard " + standard + " has no parameter " + parameter);
    }
}
