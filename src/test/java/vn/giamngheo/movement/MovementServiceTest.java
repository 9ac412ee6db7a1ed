package vn.giamngheo.movement;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.movement.DecidedListsFixture.Commune;
import vn.giamngheo.movement.DecidedListsFixture.Decision;
import vn.giamngheo.movement.rules.Reconciliation;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/** Movements computed from decided lists built with SQL: every count, the reconciliation and the households. */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovementServiceTest {

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired MovementService movements;

    MovementScenario s;
    CurrentUser province;
    long provinceId;

    @BeforeAll
    void twoYearsOfLists() {
        RegistryFixture registry = new RegistryFixture(jdbc, users);
        DecidedListsFixture f = new DecidedListsFixture(jdbc);
        Commune a = f.commune(registry.communeCode("08", 41));
        Commune b = f.commune(registry.communeCode("08", 42));
        Commune c = f.commune(registry.communeCode("01", 5));
        s = new MovementScenario(f, a, b, c, "MS");
        province = registry.user(Role.PROVINCE_OFFICER, "province", "08");
        provinceId = registry.unitId("province", "08");
    }

    @Test
    void communeAOverTheListYear2019ReconcilesWithEveryFlow() {
        MovementReport r = movements.forListYear(s.a.id(), 2019, province);

        assertThat(r.from()).isEqualTo(of(2019, 1, 1));
        assertThat(r.to()).isEqualTo(of(2020, 1, 1));
        // start, escaped, re-poor, newly poor, departed, arrived, end, residual
        assertThat(r.poor()).isEqualTo(new Reconciliation(5, 1, 1, 3, 2, 2, 8, 0));
        assertThat(r.nearPoor()).isEqualTo(new Reconciliation(4, 1, 1, 1, 1, 0, 4, 0));
        assertThat(r.newlyEscaped()).isEqualTo(2);

        assertThat(codes(r, "poor", "escaped")).containsExactly(s.code("H01"));
        assertThat(codes(r, "poor", "re_entered")).containsExactly(s.code("H02"));
        assertThat(codes(r, "poor", "newly_entered")).containsExactly(s.code("H03"), s.code("H10"), s.code("H15"));
        assertThat(codes(r, "poor", "departed")).containsExactly(s.code("H05"), s.code("H06"));
        assertThat(codes(r, "poor", "arrived")).containsExactly(s.code("H08"), s.code("H21"));
        assertThat(codes(r, "near_poor", "escaped")).containsExactly(s.code("H10"));
        assertThat(codes(r, "near_poor", "re_entered")).containsExactly(s.code("H11"));
        assertThat(codes(r, "near_poor", "newly_entered")).containsExactly(s.code("H01"));
        assertThat(codes(r, "near_poor", "departed")).containsExactly(s.code("H12"));
        assertThat(codes(r, "", "newly_escaped")).containsExactly(s.code("H01"), s.code("H13"));

        HouseholdMovement h01 = household(r, "H01");
        assertThat(h01.fromStatus()).isEqualTo("poor");
        assertThat(h01.toStatus()).isEqualTo("near_poor");
        assertThat(h01.villageName()).isEqualTo("Thôn Nà MS");
        assertThat(h01.headName()).isEqualTo("Chủ hộ H01");
        assertThat(household(r, "H05").departure()).isEqualTo("moved_out");
        assertThat(household(r, "H06").departure()).isEqualTo("dissolved");
        assertThat(household(r, "H12").departure()).isEqualTo("merged");
        assertThat(household(r, "H08").arrival()).isEqualTo("split");
        assertThat(household(r, "H08").fromStatus()).isEqualTo("poor");
        assertThat(household(r, "H21").arrival()).isEqualTo("moved_in");
        assertThat(r.households()).extracting(HouseholdMovement::householdCode)
                .doesNotContain(s.code("H04"), s.code("H07"), s.code("H09"), s.code("H20"));
    }

    @Test
    void stocksAndFlowsAgreeWithIndependentCountsOfTheDecisions() {
        MovementReport r = movements.forListYear(s.a.id(), 2019, province);
        // the start is the poor list of the periodic decision for 2019, nothing carried over from before
        long startPoor = jdbc.sql("""
                        SELECT count(*) FROM household_status WHERE province_code = :p AND decision_id = :d AND status = 'poor'""")
                .param("p", s.a.provinceCode()).param("d", s.a2019.id()).query(Long.class).single();
        // the escaped list of the decisions that took effect during the period (form 02: previous poor, now not)
        long escaped = jdbc.sql("""
                        SELECT count(*) FROM household_status WHERE province_code = :p AND commune_id = :c AND NOT revoked
                          AND effective_from > DATE '2019-01-01' AND effective_from <= DATE '2020-01-01'
                          AND previous_status = 'poor' AND status <> 'poor'""")
                .param("p", s.a.provinceCode()).param("c", s.a.id()).query(Long.class).single();
        // commune B's end: its 2020 poor list (no one left B)
        long endPoorB = jdbc.sql("""
                        SELECT count(*) FROM household_status s JOIN review_decision d ON d.id = s.decision_id
                        WHERE s.province_code = :p AND s.commune_id = :c AND d.list_year = 2020 AND s.status = 'poor'""")
                .param("p", s.b.provinceCode()).param("c", s.b.id()).query(Long.class).single();

        assertThat(r.poor().start()).isEqualTo(startPoor).isEqualTo(5);
        assertThat(r.poor().escaped()).isEqualTo(escaped).isEqualTo(1);
        assertThat(movements.forListYear(s.b.id(), 2019, province).poor())
                .isEqualTo(new Reconciliation(1, 0, 0, 0, 0, 1, endPoorB, 0));
    }

    @Test
    void theProvinceCountsAMoveBetweenItsCommunesAsNeitherDepartureNorArrival() {
        MovementReport r = movements.forListYear(provinceId, 2019, province);

        assertThat(r.poor()).isEqualTo(new Reconciliation(6, 1, 1, 3, 1, 2, 10, 0));
        assertThat(r.nearPoor()).isEqualTo(new Reconciliation(4, 1, 1, 1, 1, 0, 4, 0));
        assertThat(r.parts()).extracting(PartMovement::unitId).containsExactly(s.a.id(), s.b.id());
        assertThat(r.parts().get(0).poor()).isEqualTo(new Reconciliation(5, 1, 1, 3, 2, 2, 8, 0));
        assertThat(r.parts().get(1).poor()).isEqualTo(new Reconciliation(1, 0, 0, 0, 0, 1, 2, 0));
    }

    @Test
    void theCommuneAHouseholdMovedFromSeesItDepartInItsOwnProvince() {
        CurrentUser hanoi = new RegistryFixture(jdbc, users).user(Role.PROVINCE_OFFICER, "province", "01");
        MovementReport r = movements.forListYear(s.c.id(), 2019, hanoi);

        assertThat(r.poor()).isEqualTo(new Reconciliation(1, 0, 0, 0, 1, 0, 0, 0));
        assertThat(codes(r, "poor", "departed")).containsExactly(s.code("H21"));
    }

    @Test
    void theYearBeforeHasItsOwnFlows() {
        MovementReport r = movements.forListYear(s.a.id(), 2018, province);

        assertThat(r.poor()).isEqualTo(new Reconciliation(3, 2, 0, 4, 0, 0, 5, 0));
        assertThat(r.nearPoor()).isEqualTo(new Reconciliation(1, 1, 0, 4, 0, 0, 4, 0));
        assertThat(codes(r, "poor", "escaped")).containsExactly(s.code("H02"), s.code("H13"));
    }

    @Test
    void theNewlyEscapedWindowEndsOnItsLastMonth() {
        // H13 escaped on 1 January 2019; the period ends on 1 January 2020
        assertThat(movements.forListYear(s.a.id(), 2019, 13, province).newlyEscaped()).isEqualTo(2);
        assertThat(movements.forListYear(s.a.id(), 2019, 12, province).newlyEscaped()).isEqualTo(1);
        assertThat(movements.forListYear(s.a.id(), 2019, 0, province).newlyEscaped()).isZero();
    }

    @Test
    void theWindowComesFromTheParameterUnlessGiven() {
        assertThat(movements.newlyEscapedMonths()).isEqualTo(36);
        jdbc.sql("UPDATE parameter SET value = '12' WHERE key = 'movement.newly_escaped.months'").update();
        try {
            assertThat(movements.forListYear(s.a.id(), 2019, province).newlyEscapedMonths()).isEqualTo(12);
            assertThat(movements.forListYear(s.a.id(), 2019, province).newlyEscaped()).isEqualTo(1);
            assertThat(movements.forListYear(s.a.id(), 2019, 36, province).newlyEscaped()).isEqualTo(2);
        } finally {
            jdbc.sql("UPDATE parameter SET value = '36' WHERE key = 'movement.newly_escaped.months'").update();
        }
    }

    @Test
    void aMonthlyAmendmentCountsBetweenAnyTwoDates() {
        MovementReport before = movements.between(s.a.id(), of(2019, 1, 1), of(2019, 6, 14), province);
        MovementReport after = movements.between(s.a.id(), of(2019, 1, 1), of(2019, 6, 15), province);

        assertThat(before.poor().newlyEntered()).isZero();
        assertThat(after.poor().newlyEntered()).isEqualTo(1);
        assertThat(after.poor().end()).isEqualTo(before.poor().end() + 1);
        assertThat(after.poor().arrived()).isEqualTo(1); // H21 moved in on 1 March
        assertThat(after.poor().departed()).isEqualTo(1); // H05 moved out on 10 May
        assertThat(after.poor().reconciles()).isTrue();
    }

    @Test
    void aDecisionListsEachOfItsHouseholdsWithItsMovement() {
        List<HouseholdMovement> rows = movements.forDecision(s.a2020.id(), province);

        assertThat(rows).extracting(HouseholdMovement::householdCode).containsExactlyInAnyOrder(s.code("H01"),
                s.code("H02"), s.code("H03"), s.code("H04"), s.code("H07"), s.code("H08"), s.code("H09"), s.code("H10"),
                s.code("H11"), s.code("H13"));
        assertThat(row(rows, "H01").labels()).containsExactly("movement.flow.poor.escaped",
                "movement.flow.near_poor.newly_entered", "movement.flow.newly_escaped");
        assertThat(row(rows, "H02").labels()).containsExactly("movement.flow.poor.re_entered");
        assertThat(row(rows, "H03").labels()).containsExactly("movement.flow.poor.newly_entered");
        assertThat(row(rows, "H04").labels()).containsExactly("movement.flow.none");
        assertThat(row(rows, "H08").labels()).containsExactly("movement.flow.poor.arrived");
        assertThat(row(rows, "H10").labels()).containsExactly("movement.flow.poor.newly_entered",
                "movement.flow.near_poor.escaped");
        assertThat(row(rows, "H11").labels()).containsExactly("movement.flow.near_poor.re_entered");
    }

    @Test
    void unitsAndDecisionsOutsideTheAreaAreNotFound() {
        CurrentUser officerOfB = new RegistryFixture(jdbc, users).user(Role.COMMUNE_OFFICER, "commune", s.b.code());

        assertThatThrownBy(() -> movements.forListYear(s.a.id(), 2019, officerOfB)).isInstanceOf(MovementNotFoundException.class);
        assertThatThrownBy(() -> movements.forDecision(s.a2020.id(), officerOfB)).isInstanceOf(MovementNotFoundException.class);
        assertThat(movements.forListYear(null, 2019, officerOfB).poor().arrived()).isEqualTo(1);
    }

    @Test
    void badPeriodsAreRefused() {
        assertThatThrownBy(() -> movements.between(s.a.id(), of(2020, 1, 1), of(2020, 1, 1), province))
                .isInstanceOf(InvalidMovementRequestException.class);
        assertThatThrownBy(() -> movements.forListYear(s.a.id(), 1999, province))
                .isInstanceOf(InvalidMovementRequestException.class);
        assertThatThrownBy(() -> movements.forListYear(s.a.id(), 2019, -1, province))
                .isInstanceOf(InvalidMovementRequestException.class);
    }

    @Test
    void aHouseholdListedInTwoCommunesAtOnceLeavesAResidualUntilOneDecisionIsRevoked() {
        RegistryFixture registry = new RegistryFixture(jdbc, users);
        DecidedListsFixture f = new DecidedListsFixture(jdbc);
        Commune x = f.commune(registry.communeCode("12", 3));
        Commune y = f.commune(registry.communeCode("12", 4));
        CurrentUser laiChau = registry.user(Role.PROVINCE_OFFICER, "province", "12");
        long twice = f.newHouseholdId();
        Decision inX = f.decide(x, 2020, "X/2020", of(2019, 12, 10), true);
        f.list(inX, twice, "TWICE", "Lò Văn Hai", null, "poor", null);
        Decision inY = f.decide(y, 2020, "Y/2020", of(2019, 12, 12), true);
        f.list(inY, twice, "TWICE", "Lò Văn Hai", null, "poor", null);

        // the later decision places the household in Y; X's list still holds it: a stock row without a flow
        assertThat(movements.forListYear(x.id(), 2019, laiChau).poor()).isEqualTo(new Reconciliation(0, 0, 0, 0, 0, 0, 1, 1));
        assertThat(movements.forListYear(y.id(), 2019, laiChau).poor()).isEqualTo(new Reconciliation(0, 0, 0, 1, 0, 0, 1, 0));
        MovementReport wholeProvince = movements.forListYear(null, 2019, laiChau);
        assertThat(wholeProvince.poor()).isEqualTo(new Reconciliation(0, 0, 0, 1, 0, 0, 2, 1));
        assertThat(wholeProvince.poor().reconciles()).isFalse();

        f.revoke(inX);
        assertThat(movements.forListYear(null, 2019, laiChau).poor()).isEqualTo(new Reconciliation(0, 0, 0, 1, 0, 0, 1, 0));
    }

    private static List<String> codes(MovementReport r, String list, String flow) {
        return r.households(list, flow).stream().map(HouseholdMovement::householdCode).sorted().toList();
    }

    private HouseholdMovement household(MovementReport r, String h) {
        return r.households().stream().filter(m -> m.householdCode().equals(s.code(h))).findFirst().orElseThrow();
    }

    private HouseholdMovement row(List<HouseholdMovement> rows, String h) {
        return rows.stream().filter(m -> m.householdCode().equals(s.code(h))).findFirst().orElseThrow();
    }
}
