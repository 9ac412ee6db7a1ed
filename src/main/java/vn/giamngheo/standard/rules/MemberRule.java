package vn.giamngheo.standard.rules;

import java.util.function.Function;
import java.util.function.Predicate;
import vn.giamngheo.exchange.MemberRecord;

/**
 * The common shape of member indicators: the household is deprived when at least one member in scope
 * (e.g. aged 6 or over) meets the condition. The evidence names the first such member, says in words what
 * was found (e.g. "has no health insurance") and states the cut-off; when none does, it states the cut-off
 * and how many members were in scope.
 */
final class MemberRule {

    private MemberRule() {
    }

    /**
     * @param fact what was found about a deprived member, as a clause following the member's name and age
     *        (a {@link Message} or a {@link Code} whose words read so)
     */
    static IndicatorResult assess(String indicator, HouseholdFacts facts, Message cutOff,
            Predicate<MemberRecord> inScope, Predicate<MemberRecord> deprived, Function<MemberRecord, Object> fact) {
        int inScopeCount = 0;
        for (MemberRecord member : facts.members()) {
            if (!inScope.test(member)) {
                continue;
            }
            inScopeCount++;
            if (deprived.test(member)) {
                return new IndicatorResult(indicator, true, Message.of("classification.evidence.member",
                        member.memberNo(), member.fullName(), facts.age(member), fact.apply(member), cutOff));
            }
        }
        return new IndicatorResult(indicator, false, inScopeCount == 0
                ? Message.of("classification.evidence.no-member-in-scope", cutOff)
                : Message.of("classification.evidence.no-member", inScopeCount, cutOff));
    }

    /** A yes/no fact of a member that the rule needs; missing → {@link MissingFactException}. */
    static boolean required(HouseholdFacts facts, MemberRecord member, Boolean value, String field) {
        if (value == null) {
            throw facts.missing(member, field);
        }
        return value;
    }
}
