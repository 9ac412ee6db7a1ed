package vn.giamngheo.standard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.BirthDate;
import vn.giamngheo.exchange.Disability;
import vn.giamngheo.exchange.Education;
import vn.giamngheo.exchange.Employment;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.exchange.HousingQuality;
import vn.giamngheo.exchange.InfoDevice;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.exchange.Relation;
import vn.giamngheo.exchange.Sex;
import vn.giamngheo.exchange.Toilet;
import vn.giamngheo.exchange.WaterSource;
import vn.giamngheo.security.CurrentUser;

/** Provincial standards and households for the standards tests, made through the real services. */
final class StandardFixture {

    static final String DONG_NAI = "75";
    static final String TUYEN_QUANG = "08";
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private StandardFixture() {
    }

    /** A code no other test uses, e.g. {@code DNAI_T12345}. */
    static String newCode(String prefix) {
        return prefix + "_T" + SERIAL.incrementAndGet();
    }

    /** Đồng Nai 2022–2025 as its resolution sets it: rural line 2,000,000 with at least 2 deprivations. */
    static DeriveRequest dongNai(String code) {
        return new DeriveRequest(code, "Chuẩn nghèo tỉnh Đồng Nai giai đoạn 2022–2025", DONG_NAI,
                LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31), "Nghị quyết của HĐND tỉnh Đồng Nai (2022–2025)",
                Map.of("income_line_rural", "2000000", "deprivation_threshold", "2"));
    }

    static StandardVersion deriveDongNai(StandardAdministration administration, CurrentUser user) {
        return administration.derive("ND07_2021", dongNai(newCode("DNAI")), user);
    }

    /**
     * A rural household of two insured, employed adults with upper-secondary education in a durable house: deprived
     * on nothing, then on makeshift housing, surface water and a hanging toilet, one by one.
     */
    static HouseholdData ruralHousehold(long incomePerCapita, int deprivations) {
        HousingQuality housing = deprivations >= 1 ? HousingQuality.MAKESHIFT : HousingQuality.DURABLE;
        WaterSource water = deprivations >= 2 ? WaterSource.SURFACE_WATER : WaterSource.PIPED;
        Toilet toilet = deprivations >= 3 ? Toilet.HANGING : Toilet.SEPTIC;
        HouseholdRecord household = new HouseholdRecord("H1", "26000", "Ấp 1", Area.RURAL, null, null, incomePerCapita,
                null, housing, new BigDecimal("100"), water, toilet, true, true, Set.of(InfoDevice.TV), true, true,
                Set.of(), null, null, null);
        return new HouseholdData(household, List.of(adult(1, "Nguyễn Văn An", LocalDate.of(1980, 1, 1), Sex.MALE),
                adult(2, "Trần Thị Bình", LocalDate.of(1982, 1, 1), Sex.FEMALE)));
    }

    private static MemberRecord adult(int no, String name, LocalDate born, Sex sex) {
        return new MemberRecord("H1", "26000", no, name, null, BirthDate.of(born), sex, "Kinh",
                no == 1 ? Relation.HEAD : Relation.SPOUSE, Employment.WAGE_WITH_CONTRACT, true, Disability.NONE, false,
                true, null, Education.UPPER_SECONDARY, false, null, false, false);
    }
}
