package vn.giamngheo.areaclass;

import java.util.List;

/**
 * Why a line of a list cannot be imported: its file, line (header = 1), field (column code), the value as written,
 * and the message key with its arguments (English text in {@code areaclass.properties}, Vietnamese in
 * {@code areaclass_vi.properties}).
 */
public record ImportProblem(String file, int line, String field, String value, String messageKey, List<Object> args) {

    public ImportProblem {
        args = List.copyOf(args);
    }

    public Object[] argArray() {
        return args.toArray();
    }

    @Override
    public String toString() {
        return file + ":" + line + (field.isEmpty() ? "" : " [" + field + "]") + " " + messageKey + " " + args
                + (value.isEmpty() ? "" : " ('" + value + "')");
    }
}
