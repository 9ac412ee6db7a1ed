package vn.giamngheo.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.giamngheo.security.AccessScope;

/** The area condition: what it renders and binds for each kind of user, and that its prefix is escaped. */
class AreaFilterTest {

    static Stream<Arguments> scopes() {
        return Stream.of(
                // who, scope, condition on household h and commune c, parameters
                Arguments.of("ministry", AccessScope.NATIONAL, "TRUE", Map.of()),
                Arguments.of("province", new AccessScope(12L, "/12/", "01"),
                        "(h.province_code = :areaProvince AND c.path LIKE :areaPath)",
                        Map.of("areaProvince", "01", "areaPath", "/12/%")),
                Arguments.of("commune", new AccessScope(345L, "/12/345/", "01"),
                        "(h.province_code = :areaProvince AND c.path LIKE :areaPath)",
                        Map.of("areaProvince", "01", "areaPath", "/12/345/%")),
                Arguments.of("village", new AccessScope(6789L, "/12/345/6789/", "01"),
                        "(h.province_code = :areaProvince AND c.path LIKE :areaPath)",
                        Map.of("areaProvince", "01", "areaPath", "/12/345/6789/%")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void rendersThePartitionKeyAndThePathPrefixAndBindsThem(String who, AccessScope scope, String condition,
                                                            Map<String, Object> parameters) {
        AreaFilter area = AreaFilter.of(scope);
        assertThat(area.on("h", "c")).isEqualTo(condition);
        assertThat(area.parameters()).isEqualTo(parameters);
        assertThat(area.national()).isEqualTo(scope.national());
        assertThat(area.provinceCode()).isEqualTo(scope.provinceCode());
        // every parameter the condition names is bound, and nothing else
        assertThat(named(area.on("h", "c"))).isEqualTo(parameters.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void oneAliasCarriesBothColumnsAndTheNegationIsTheOpposite(String who, AccessScope scope, String condition,
                                                              Map<String, Object> parameters) {
        AreaFilter area = AreaFilter.of(scope);
        assertThat(area.on("u")).isEqualTo(condition.replace("h.", "u.").replace("c.", "u."));
        assertThat(area.outside("u")).isEqualTo(scope.national() ? "FALSE" : "NOT " + area.on("u"));
        assertThat(area.partition("s")).isEqualTo(scope.national() ? "TRUE" : "s.province_code = :areaProvince");
        assertThat(area.otherPartitions("e")).isEqualTo(scope.national() ? "FALSE" : "e.province_code <> :areaProvince");
        assertThat(area.path("u")).isEqualTo(scope.national() ? "TRUE" : "u.path LIKE :areaPath");
    }

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("/12/345/", "/12/345/%"),
                Arguments.of("/1_2/", "/1\\_2/%"),
                Arguments.of("/1%2/", "/1\\%2/%"),
                Arguments.of("/1\\2/", "/1\\\\2/%"),
                Arguments.of("/_%\\/", "/\\_\\%\\\\/%"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void escapesTheLikeWildcardsOfThePrefix(String path, String pattern) {
        assertThat(AreaFilter.under(path, "01").parameters()).containsEntry("areaPath", pattern);
    }

    @Test
    void anEscapedPrefixMatchesItsSubtreeOnly() {
        // what PostgreSQL's LIKE (escape character \) does with the pattern, in Java
        String pattern = (String) AreaFilter.under("/1_2/", "01").parameters().get("areaPath");
        Pattern like = Pattern.compile(likeToRegex(pattern));
        assertThat(like.matcher("/1_2/3/").matches()).isTrue();
        assertThat(like.matcher("/1_2/").matches()).isTrue();
        assertThat(like.matcher("/1x2/3/").matches()).isFalse();
        assertThat(like.matcher("/1_/").matches()).isFalse();
    }

    @Test
    void twoFiltersInOneQueryHaveTheirOwnParameters() {
        AreaFilter unit = AreaFilter.under("/12/345/", "01");
        AreaFilter scope = AreaFilter.of(new AccessScope(12L, "/12/", "01")).named("scope");
        String sql = unit.on("h", "c") + " AND " + scope.on("h", "c");
        Map<String, Object> all = new LinkedHashMap<>(unit.parameters());
        all.putAll(scope.parameters());
        assertThat(named(sql)).isEqualTo(all.keySet());
        assertThat(all).containsEntry("areaPath", "/12/345/%").containsEntry("scopePath", "/12/%");
    }

    @Test
    void aWholeProvincePartitionHasNoPathCondition() {
        AreaFilter province = AreaFilter.province("75");
        assertThat(province.on("x", "c")).isEqualTo("x.province_code = :areaProvince");
        assertThat(province.parameters()).isEqualTo(Map.of("areaProvince", "75"));
        assertThat(province.national()).isFalse();
    }

    @Test
    void theCountryIsAFilterWithoutCondition() {
        assertThat(AreaFilter.country()).isEqualTo(AreaFilter.of(AccessScope.NATIONAL))
                .isEqualTo(AreaFilter.under(null, null));
        assertThat(AreaFilter.country().on("u")).isEqualTo("TRUE");
    }

    @Test
    void aUnitGivesTheFilterOfItsSubtree() {
        AdminUnit commune = new AdminUnit(345, "00004", AdminUnit.COMMUNE, "Ba Đình", "Phường Ba Đình", null, "Phường",
                "urban", 12L, "01", null, null, null, "/12/345/");
        assertThat(AreaFilter.of(commune)).isEqualTo(AreaFilter.under("/12/345/", "01"));
    }

    @Test
    void joinsBetweenUnitsAndAncestorsAreWrittenHereToo() {
        assertThat(AreaFilter.subtree("u", "c")).isEqualTo("c.path LIKE u.path || '%'");
        assertThat(AreaFilter.ancestorOf("path", "p")).isEqualTo(":path LIKE p.path || '%'");
    }

    @Test
    void refusesWhatWouldMakeABrokenOrUnsafeCondition() {
        assertThatThrownBy(() -> AreaFilter.under("/12/", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("province");
        assertThatThrownBy(() -> AreaFilter.under("12", "01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/…/id/");
        assertThatThrownBy(() -> AreaFilter.province("1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AreaFilter.country().named("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AreaFilter.under("/12/", "01").on("h; DROP", "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AreaFilter.ancestorOf("x OR 1=1", "p")).isInstanceOf(IllegalArgumentException.class);
    }

    private static java.util.Set<String> named(String sql) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        var m = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)").matcher(sql);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String likeToRegex(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char ch = like.charAt(i);
            if (ch == '\\') {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (ch == '%') {
                regex.append(".*");
            } else if (ch == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return regex.toString();
    }
}
