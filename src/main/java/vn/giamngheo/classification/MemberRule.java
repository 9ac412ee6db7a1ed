package vn.giamngheo.classification;

import java.util.function.Function;
import java.util.function.Predicate;
import vn.giamngheo.exchange.MemberRecord;

/**
 * The common shape of member indicators: the household is deprived when at least one member in scope
 * (e.g. aged 6 or over) meets the condition. The evidence names the first such member, the value that
 * decided and the cut-off; when none does, it states the cut-off and how many members were in scope.
 */
final class MemberRule {

    private MemberRule() {
    }

    static IndicatorResult assess(String indicator, HouseholdFacts facts, Message cutOff, String field,
            Predicate<MemberRecord> inScope, Predicate<MemberRecord> deprived, Function<MemberRecord, Object> value) {
        int inScopeCount = 0;
        for (MemberRecord member : facts.members()) {
            if (!inScope.test(member)) {
                continue;
            }
            inScopeCount++;
            if (deprived.test(member)) {
                return new IndicatorResult(indicator, true, Message.of("classification.evidence.member",
                        member.memberNo(), member.fullName(), facts.age(member), field, value.apply(member), cutOff));
            }
        }
        return new IndicatorResult(indicator, false, Message.of("classification.evidence.no-member", inScopeCount,
                cutOff));
    }

    /** A yes/no fact of a member that the rule needs; missing → {@link MissingFactException}. */
    static boolean required(HouseholdFacts facts, MemberRecord member, Boolean value, String field) {
        if (value == null) {
            throw facts.missing(member, field);
        }
        return value;
    }
}
