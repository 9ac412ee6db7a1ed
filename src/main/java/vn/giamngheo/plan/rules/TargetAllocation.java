package vn.giamngheo.plan.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Allocates a parent's target (whole households, e.g. the district's planned reduction) to its units
 * (communes) in proportion to a base, by the largest-remainder (Hamilton) method:
 * <ol>
 * <li>each unit's quota is {@code target × base / total base}, computed exactly; it first receives the
 * whole part;</li>
 * <li>the households left over go one each to the units with the largest remainders; ties are broken by
 * the larger base, then the smaller unit code, so the result does not depend on the input order;</li>
 * <li>no unit receives more than its poor households (its cap): with the poor count as base the quota
 * never exceeds it; with the household count as base, units whose quota exceeds their poor count are
 * fixed at it and the rest of the target is shared among the others in the same way, repeatedly.</li>
 * </ol>
 * The shares always add up to the target. A target larger than the total that may be allocated (the sum
 * of the caps) is refused with an {@link IllegalArgumentException}.
 */
public final class TargetAllocation {

    /** What the target is shared in proportion to. */
    public enum Basis {
        /** Poor households at the start of the year. */
        POOR,
        /** All households (the reduction still cannot exceed a unit's poor households). */
        HOUSEHOLDS
    }

    /** A unit taking part in the allocation. */
    public record Unit(String code, long households, long poor) {
        public Unit {
            Objects.requireNonNull(code, "code");
            if (households < 0 || poor < 0 || poor > households) {
                throw new IllegalArgumentException("unit " + code + ": need 0 <= poor <= households, got poor " + poor
                        + ", households " + households);
            }
        }

        long base(Basis basis) {
            return basis == Basis.POOR ? poor : households;
        }
    }

    /** The result: each unit's share, in the order the units were given. */
    public record Allocation(long target, Basis basis, Map<String, Long> shares) {
        public Allocation {
            shares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shares));
        }

        public long share(String code) {
            return shares.get(code);
        }
    }

    private TargetAllocation() {
    }

    public static Allocation allocate(long target, Basis basis, List<Unit> units) {
        if (target < 0) {
            throw new IllegalArgumentException("the target must not be negative, got " + target);
        }
        if (new HashSet<>(units.stream().map(Unit::code).toList()).size() != units.size()) {
            throw new IllegalArgumentException("unit codes must be unique");
        }
        long capacity = units.stream().mapToLong(Unit::poor).sum();
        if (target > capacity) {
            throw new IllegalArgumentException("the target of " + target + " households exceeds the "
                    + capacity + " poor households of the units");
        }
        Map<String, Long> shares = new LinkedHashMap<>();
        units.forEach(u -> shares.put(u.code(), 0L));
        List<Unit> open = new ArrayList<>(units);
        long left = target;
        while (left > 0) {
            long total = open.stream().mapToLong(u -> u.base(basis)).sum();
            List<Unit> overCap = new ArrayList<>();
            for (Unit u : open) {
                // quota > cap  <=>  left × base > cap × total
                if (total > 0 && BigInteger.valueOf(left).multiply(BigInteger.valueOf(u.base(basis)))
                        .compareTo(BigInteger.valueOf(u.poor()).multiply(BigInteger.valueOf(total))) > 0) {
                    overCap.add(u);
                }
            }
            if (overCap.isEmpty()) {
                distribute(left, basis, open, total, shares);
                break;
            }
            for (Unit u : overCap) {
                shares.put(u.code(), u.poor());
                left -= u.poor();
            }
            open.removeAll(overCap);
        }
        return new Allocation(target, basis, shares);
    }

    /** Largest remainder among units whose quotas are all within their caps. */
    private static void distribute(long amount, Basis basis, List<Unit> units, long total, Map<String, Long> shares) {
        if (total == 0) {
            // only reachable with the households basis and poor households in units without households: impossible
            throw new IllegalArgumentException("no base left to share " + amount + " households on");
        }
        BigInteger denominator = BigInteger.valueOf(total);
        record Quota(Unit unit, long whole, BigInteger remainder) {
        }
        List<Quota> quotas = new ArrayList<>();
        long given = 0;
        for (Unit u : units) {
            BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(u.base(basis)))
                    .divideAndRemainder(denominator);
            quotas.add(new Quota(u, qr[0].longValueExact(), qr[1]));
            given += qr[0].longValueExact();
        }
        quotas.sort(Comparator.comparing(Quota::remainder).reversed()
                .thenComparing(q -> q.unit().base(basis), Comparator.reverseOrder())
                .thenComparing(q -> q.unit().code()));
        for (int i = 0; i < quotas.size(); i++) {
            Quota q = quotas.get(i);
            long extra = i < amount - given ? 1 : 0;
            shares.put(q.unit().code(), q.whole() + extra);
        }
    }
}
