package vn.giamngheo.standard.rules;

import java.util.List;

/**
 * Why a household was classified as it was: ordered reason lines (income against the line, each
 * deprivation with its evidence, the deciding rule, the standard), each a translatable {@link Message}.
 */
public record Explanation(List<Message> reasons) {

    public Explanation {
        reasons = List.copyOf(reasons);
    }
}
