package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** The password rules, table-driven, with the shipped list of common passwords and a minimum of 12. */
class PasswordRulesTest {

    private static final PasswordRules RULES = new PasswordRules(12, PasswordRules.shippedList());

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("nguyenvana", "ruong bac thang mua lua", List.of()),
                Arguments.of("nguyenvana", "Tỉnh Tuyên Quang 2026", List.of()),
                Arguments.of("nguyenvana", "ngan-qua", List.of(PasswordRules.TOO_SHORT)),
                Arguments.of("nguyenvana", "", List.of(PasswordRules.BLANK)),
                Arguments.of("nguyenvana", "   ", List.of(PasswordRules.BLANK)),
                Arguments.of("nguyenvana", "qwertyuiop", List.of(PasswordRules.TOO_SHORT, PasswordRules.COMMON)),
                Arguments.of("nguyenvana", "iloveyou2026!", List.of(PasswordRules.COMMON)),
                Arguments.of("nguyenvana", "password2026!", List.of(PasswordRules.COMMON)),
                Arguments.of("nguyenvana", "PASSWORD123456", List.of(PasswordRules.COMMON)),
                Arguments.of("nguyenvana", "qwertyuiopasdfgh", List.of()),
                Arguments.of("canbo.xa.thanh", "Canbo.Xa.Thanh", List.of(PasswordRules.USERNAME)),
                Arguments.of("canbo.xa.thanh", "đường".repeat(10), List.of(PasswordRules.TOO_LONG)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void rules(String username, String password, List<String> expected) {
        assertThat(RULES.problems(username, password)).containsExactlyElementsOf(expected);
    }

    @Test
    void theShippedListHoldsTenThousandPasswords() {
        Set<String> list = PasswordRules.shippedList();
        assertThat(list).hasSizeBetween(9_900, 10_000).contains("123456", "password", "qwertyuiop").doesNotContain("# the 10,000");
    }

    @Test
    void theMinimumIsAParameter() {
        assertThat(new PasswordRules(16, Set.of()).problems("a", "mười lăm ký tự")).containsExactly(PasswordRules.TOO_SHORT);
        assertThat(new PasswordRules(8, Set.of()).problems("a", "mười lăm ký tự")).isEmpty();
    }
}
