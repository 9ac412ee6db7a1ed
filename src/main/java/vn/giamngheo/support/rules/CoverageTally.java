package vn.giamngheo.support.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts one policy over households: beneficiaries (households, or persons for person-level policies) entitled on
 * the last day of the period, those of them who received the benefit in the period, the gap (entitled, nothing
 * received), and leakage (benefits of the period recorded for a beneficiary not entitled on the benefit's date).
 */
public final class CoverageTally {

    /** A beneficiary: a household, or a member of it ({@code memberNo} null for household-level policies). */
    public record Unit(long householdId, Integer memberNo) {
    }

    private final EntitlementRule rule;
    private final CoveragePeriod period;
    private final boolean keepUnits;
    private long gapCount;
    private long entitled;
    private long received;
    private long leakageRecords;
    private long leakageCount;
    private final List<Unit> gap = new ArrayList<>();
    private final List<Unit> leakage = new ArrayList<>();

    /** A tally that keeps the gap and leakage lists (for a commune's names). */
    public CoverageTally(EntitlementRule rule, CoveragePeriod period) {
        this(rule, period, true);
    }

    /** @param keepUnits whether to keep the lists of beneficiaries in the gap and leakage, or only count them */
    public CoverageTally(EntitlementRule rule, CoveragePeriod period, boolean keepUnits) {
        this.rule = rule;
        this.period = period;
        this.keepUnits = keepUnits;
    }

    public void add(long householdId, StatusHistory history, List<Person> members, List<Receipt> receipts) {
        add(householdId, history, members, HouseholdFacts.NONE, receipts);
    }

    /** As {@link #add(long, StatusHistory, List, List)} with the household's group and area-class facts. */
    public void add(long householdId, StatusHistory history, List<Person> members, HouseholdFacts facts,
                    List<Receipt> receipts) {
        boolean perPerson = rule.beneficiary() == Beneficiary.PERSON;
        Set<Integer> receivedBy = new HashSet<>();
        Set<Integer> leaked = new HashSet<>();
        for (Receipt r : receipts) {
            if (!period.contains(r.date())) {
                continue;
            }
            Integer who = perPerson ? r.memberNo() : null;
            receivedBy.add(who == null ? 0 : who);
            Verdict then = Entitlement.evaluate(rule, history, members, facts, r.date());
            boolean entitledThen = then.entitled() && (!perPerson || who != null && then.members().contains(who));
            if (!entitledThen) {
                leakageRecords++;
                if (leaked.add(who == null ? 0 : who)) {
                    leakageCount++;
                    if (keepUnits) {
                        leakage.add(new Unit(householdId, who));
                    }
                }
            }
        }
        Verdict now = Entitlement.evaluate(rule, history, members, facts, period.to());
        if (!now.entitled()) {
            return;
        }
        List<Integer> units = perPerson ? now.members() : List.of(0);
        for (Integer u : units) {
            entitled++;
            if (receivedBy.contains(u)) {
                received++;
            } else {
                gapCount++;
                if (keepUnits) {
                    gap.add(new Unit(householdId, perPerson ? u : null));
                }
            }
        }
    }

    public CoverageFigures figures() {
        return new CoverageFigures(entitled, received, gapCount, leakageCount, leakageRecords);
    }

    public List<Unit> gap() {
        return List.copyOf(gap);
    }

    public List<Unit> leakage() {
        return List.copyOf(leakage);
    }
}
