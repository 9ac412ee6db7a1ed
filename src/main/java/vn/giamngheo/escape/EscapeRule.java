package vn.giamngheo.escape;

import java.util.Set;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Whether a registered household escaped: a household registered as poor escaped when its decided status after
 * the decision is not poor (it may be near-poor); a household registered as near-poor escaped when it is neither
 * poor nor near-poor. Plain Java, no Spring.
 */
final class EscapeRule {

    static final Set<String> REGISTRABLE = Set.of(PovertyStatus.POOR.code(), PovertyStatus.NEAR_POOR.code());
    private static final Set<String> STATUSES = java.util.Arrays.stream(PovertyStatus.values())
            .map(PovertyStatus::code).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private EscapeRule() {
    }

    static boolean escaped(String registeredStatus, String statusAfter) {
        if (!REGISTRABLE.contains(registeredStatus)) {
            throw new IllegalArgumentException("only poor and near-poor households register: " + registeredStatus);
        }
        if (!STATUSES.contains(statusAfter)) {
            throw new IllegalArgumentException("unknown decided status: " + statusAfter);
        }
        return PovertyStatus.POOR.is(registeredStatus)
                ? !PovertyStatus.POOR.is(statusAfter)
                : !PovertyStatus.POOR.is(statusAfter) && !PovertyStatus.NEAR_POOR.is(statusAfter);
    }
}
