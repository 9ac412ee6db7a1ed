package vn.giamngheo.escape;

import java.util.Set;

/**
 * Whether a registered household escaped: a household registered as poor escaped when its decided status after
 * the decision is not poor (it may be near-poor); a household registered as near-poor escaped when it is neither
 * poor nor near-poor. Plain Java, no Spring.
 */
final class EscapeRule {

    static final Set<String> REGISTRABLE = Set.of("poor", "near_poor");
    private static final Set<String> STATUSES = Set.of("poor", "near_poor", "average", "not_poor");

    private EscapeRule() {
    }

    static boolean escaped(String registeredStatus, String statusAfter) {
        if (!REGISTRABLE.contains(registeredStatus)) {
            throw new IllegalArgumentException("only poor and near-poor households register: " + registeredStatus);
        }
        if (!STATUSES.contains(statusAfter)) {
            throw new IllegalArgumentException("unknown decided status: " + statusAfter);
        }
        return registeredStatus.equals("poor")
                ? !statusAfter.equals("poor")
                : !statusAfter.equals("poor") && !statusAfter.equals("near_poor");
    }
}
