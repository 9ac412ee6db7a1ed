package vn.giamngheo.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;

/** The area kernel on the real map: resolving a unit in a user's area, and the SQL condition against the data. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc // same context as the web tests: the data is loaded once
class AreaUnitsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Autowired AreaUnits units;
    @Autowired GeographyCatalog catalog;
    @Autowired JdbcClient jdbc;

    private AdminUnit province(String code) {
        return catalog.byCode(code, TODAY).filter(u -> AdminUnit.PROVINCE.equals(u.level())).orElseThrow();
    }

    private AdminUnit firstCommuneOf(AdminUnit province) {
        return catalog.unitsOn(TODAY, AdminUnit.COMMUNE, province.id()).get(0);
    }

    private static CurrentUser userOf(AdminUnit unit, Role role) {
        AccessScope scope = unit == null ? AccessScope.NATIONAL
                : new AccessScope(unit.id(), unit.path(), unit.provinceCode());
        return new CurrentUser(1, "area-test", "x", "Area test", role, scope, null, true, null);
    }

    @Test
    void aUnitInsideTheAreaIsResolvedWithItsLatestNames() {
        AdminUnit hanoi = province("01");
        AdminUnit commune = firstCommuneOf(hanoi);
        CurrentUser officer = userOf(hanoi, Role.PROVINCE_OFFICER);

        AdminUnit resolved = units.resolve(commune.id(), officer);

        assertThat(resolved).isEqualTo(catalog.unit(commune.id()).orElseThrow());
        assertThat(units.resolve(hanoi.id(), officer).id()).isEqualTo(hanoi.id());
        assertThat(units.home(officer)).contains(catalog.unit(hanoi.id()).orElseThrow());
    }

    @Test
    void aUnitOutsideTheAreaIsNotFound() {
        AdminUnit hanoi = province("01");
        AdminUnit elsewhere = firstCommuneOf(province("79"));
        CurrentUser officer = userOf(hanoi, Role.PROVINCE_OFFICER);
        CurrentUser communeOfficer = userOf(firstCommuneOf(hanoi), Role.COMMUNE_OFFICER);

        assertThat(units.find(elsewhere.id(), officer)).isEmpty();
        assertThatThrownBy(() -> units.resolve(elsewhere.id(), officer))
                .isInstanceOf(UnitOutsideAreaException.class).hasMessageContaining(String.valueOf(elsewhere.id()));
        // above one's own unit is outside too
        assertThatThrownBy(() -> units.resolve(hanoi.id(), communeOfficer)).isInstanceOf(UnitOutsideAreaException.class);
        // the old province of the same code is another unit, in another subtree
        AdminUnit oldHanoi = catalog.byCode("01", LocalDate.of(2025, 6, 30)).orElseThrow();
        assertThatThrownBy(() -> units.resolve(oldHanoi.id(), officer)).isInstanceOf(UnitOutsideAreaException.class);
    }

    @Test
    void anUnknownUnitIsNotFoundEvenForTheMinistry() {
        CurrentUser ministry = userOf(null, Role.MINISTRY_VIEWER);
        long unknown = jdbc.sql("SELECT max(id) + 1000 FROM admin_unit").query(Long.class).single();

        assertThatThrownBy(() -> units.resolve(unknown, ministry)).isInstanceOf(UnitOutsideAreaException.class);
        assertThat(units.resolve(firstCommuneOf(province("79")).id(), ministry).level()).isEqualTo(AdminUnit.COMMUNE);
        assertThat(units.home(ministry)).isEmpty();
    }

    @Test
    void theOutsideExceptionAnswers404() {
        var status = UnitOutsideAreaException.class
                .getAnnotation(org.springframework.web.bind.annotation.ResponseStatus.class);
        assertThat(status.value().value()).isEqualTo(404);
    }

    /** The condition on one admin_unit alias adds its province code: true only if a subtree never leaves its province. */
    @Test
    void everyUnitBearsTheProvinceCodeOfItsAncestors() {
        long strays = jdbc.sql("""
                        SELECT count(*) FROM admin_unit u JOIN admin_unit a
                          ON a.id = CAST(split_part(u.path, '/', 2) AS bigint)
                        WHERE u.province_code <> a.province_code""").query(Long.class).single();
        assertThat(strays).isZero();
    }

    @Test
    void theConditionSelectsExactlyTheSubtreeOfTheUnit() {
        AdminUnit hanoi = province("01");
        AreaFilter area = AreaFilter.of(hanoi);
        long byKernel = area.bind(jdbc.sql("SELECT count(*) FROM admin_unit u WHERE " + area.on("u")))
                .query(Long.class).single();
        long byPrefix = jdbc.sql("SELECT count(*) FROM admin_unit WHERE starts_with(path, :p)")
                .param("p", hanoi.path()).query(Long.class).single();
        assertThat(byKernel).isEqualTo(byPrefix).isGreaterThan(100);

        AreaFilter country = AreaFilter.country();
        long all = country.bind(jdbc.sql("SELECT count(*) FROM admin_unit u WHERE " + country.on("u")))
                .query(Long.class).single();
        assertThat(all).isEqualTo(jdbc.sql("SELECT count(*) FROM admin_unit").query(Long.class).single());

        long outside = area.bind(jdbc.sql("SELECT count(*) FROM admin_unit u WHERE " + area.outside("u")))
                .query(Long.class).single();
        assertThat(outside + byKernel).isEqualTo(all);
    }
}
