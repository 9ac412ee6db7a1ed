package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.giamngheo.exchange.ExchangeFuzzer;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.HouseholdFileReader;
import vn.giamngheo.exchange.ReadResult;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.household.RegistryFixture;

/**
 * Mutated pairs of files through the real import: nothing escapes as an exception, a refused pair stores
 * nothing and leaves a {@code rejected} batch, an accepted pair stores exactly its households.
 */
@org.junit.jupiter.api.Tag("database")
@SpringBootTest
class HouseholdImportFuzzTest {

    static final int CASES = 100;
    static final long SEED = 9_090_000L;

    @Autowired HouseholdImport importer;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    RegistryFixture fixture;
    CurrentUser province;
    List<String> communes;
    /** Codes and identity numbers unique to this run, so that the test can run again on the same database. */
    String run;
    long identityBase;

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(jdbc, users);
        province = fixture.loginAs(Role.PROVINCE_OFFICER, "province", "04");
        communes = List.of(fixture.communeCode("04", 0), fixture.communeCode("04", 1), fixture.communeCode("04", 2));
        fixture.generatedVillages(communes);
        long now = System.currentTimeMillis();
        run = "FZ" + Long.toString(now % 1_000_000_000L, 36) + "-";
        identityBase = 200_000 + ((now / 1000) % 2_000) * 250; // room for 250 fuzzers per run
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    private ExchangeFuzzer fuzzer(int n) {
        return new ExchangeFuzzer(GeneratedHouseholds.generate(6, SEED + n, identityBase + n, communes,
                run + n + "-"));
    }

    private long households() {
        return jdbc.sql("SELECT count(*) FROM household WHERE province_code = '04'").query(Long.class).single();
    }

    private long rejectedBatches() {
        return jdbc.sql("SELECT count(*) FROM import_batch WHERE status = 'rejected' AND username = :u")
                .param("u", province.getUsername()).query(Long.class).single();
    }

    private HouseholdImport.Result run(ExchangeFuzzer.Pair pair) {
        return importer.importFiles(2026, pair.householdsName(), pair.householdsStream(), pair.membersName(),
                pair.membersStream(), province, p -> { });
    }

    /** Runs one pair and checks the all-or-nothing properties; returns the result. */
    private HouseholdImport.Result check(ExchangeFuzzer.Pair pair) {
        long before = households();
        long rejectedBefore = rejectedBatches();
        HouseholdImport.Result result;
        try {
            result = run(pair);
        } catch (RuntimeException e) {
            throw new AssertionError(pair + ": the import threw " + e, e);
        }
        if (result.stored()) {
            ReadResult read = new HouseholdFileReader(LocalDate.now()).read(pair.householdsName(),
                    pair.householdsStream(), pair.membersName(), pair.membersStream());
            assertThat(result.households()).as(pair.toString()).isEqualTo(read.households().size());
            assertThat(households() - before).as(pair + ": households added").isEqualTo(result.households());
        } else {
            assertThat(result.errors()).as(pair + ": errors").isNotEmpty()
                    .allSatisfy(p -> assertThat(p.message()).isNotBlank());
            assertThat(households()).as(pair + ": nothing stored").isEqualTo(before);
            assertThat(rejectedBatches()).as(pair + ": a rejected batch").isEqualTo(rejectedBefore + 1);
        }
        return result;
    }

    @Test
    void mutatedPairsAreStoredWholeOrNotAtAll() {
        int stored = 0;
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < CASES; n++) {
            ExchangeFuzzer fuzzer = fuzzer(n);
            ExchangeFuzzer.Pair pair = n % 10 == 9 ? fuzzer.xlsxCase(SEED + n) : fuzzer.csvCase(SEED + n);
            try {
                stored += check(pair).stored() ? 1 : 0;
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        System.out.println("import fuzz: " + CASES + " cases, " + stored + " stored");
        assertThat(failures).isEmpty();
    }

    @Test
    void theSameFileImportedTwiceIsRefusedTheSecondTime() {
        ExchangeFuzzer.Pair pair = fuzzer(CASES + 1).validCsv();
        long before = households();

        assertThat(check(pair).stored()).isTrue();
        HouseholdImport.Result second = check(pair);

        assertThat(second.stored()).isFalse();
        assertThat(second.errors()).extracting(ExchangeProblem::code).contains("exchange.household-registered");
        assertThat(households() - before).isEqualTo(6);
    }

    @Test
    void aValidFileWithAnIdentityNumberAlreadyRegisteredStoresNothing() {
        ExchangeFuzzer.Pair first = fuzzer(CASES + 2).validCsv();
        assertThat(check(first).stored()).isTrue();
        String taken = jdbc.sql("SELECT min(id_number) FROM citizen_identity WHERE id_number LIKE :p")
                .param("p", String.format("%06d", identityBase + CASES + 2) + "%").query(String.class).single();
        if (taken == null) {
            fail("no identity number stored by the first import");
        }
        ExchangeFuzzer.Pair other = fuzzer(CASES + 3).validCsv();
        String members = new String(other.members(), StandardCharsets.UTF_8);
        String own = members.lines().skip(1).map(l -> l.split(",")[4]).filter(s -> s.matches("\\d{12}"))
                .findFirst().orElseThrow();
        ExchangeFuzzer.Pair clash = new ExchangeFuzzer.Pair("identity clash", other.householdsName(),
                other.households(), other.membersName(), members.replace(own, taken).getBytes(StandardCharsets.UTF_8));

        HouseholdImport.Result result = check(clash);

        assertThat(result.stored()).isFalse();
        assertThat(result.errors()).singleElement().extracting(ExchangeProblem::code)
                .isEqualTo("exchange.id-number-registered");
    }
}
