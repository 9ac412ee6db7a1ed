package vn.giamngheo.household;

import java.util.List;

/**
 * One thing wrong with submitted data: the field (e.g. {@code members[1].idNumber}), a message key of
 * the {@code messages} bundle, its arguments, and the offending value.
 */
public record FieldProblem(String field, String messageKey, List<Object> args, String value) {
}
