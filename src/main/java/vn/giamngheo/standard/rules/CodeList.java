package vn.giamngheo.standard.rules;

import java.util.List;

/**
 * A message argument that is a list of codes of one field (e.g. the clean water sources of a standard). The
 * renderer says each code in words and joins them as the language does: "a, b hoặc c" / "a, b or c".
 */
public record CodeList(String field, List<String> values) {

    public CodeList {
        values = List.copyOf(values);
    }
}
