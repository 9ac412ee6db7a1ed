package vn.giamngheo.standard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giamngheo.standard.ClassifyCommand;

class ClassifyCommandTest {

    private static final Path DIR = Path.of("src/test/resources/classification");
    private final ClassifyCommand command = new ClassifyCommand(StandardCatalog.national(), CommuneAreas.bundled(),
            LocalDate.of(2026, 11, 1));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path temp;

    private int run(String... args) {
        return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void classifiesASmallFileIntoTheExchangeResultFormat() throws Exception {
        Path result = temp.resolve("result.csv");

        int status = run("--standard", "ND07_2021", "--households", DIR.resolve("households.csv").toString(),
                "--members", DIR.resolve("members.csv").toString(), "--reference-date", "2026-10-01",
                "--out", result.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(result)).isEqualTo(Files.readAllLines(DIR.resolve("expected-result.csv")));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("4 households classified under ND07_2021: 1 poor, 1 near-poor, 1 average, 1 not poor.");
    }

    @Test
    void aBadFileIsRefusedWithEveryProblemByLineAndColumn() {
        Path result = temp.resolve("result.csv");

        int status = run("--standard", "ND07_2021", "--households", DIR.resolve("households.csv").toString(),
                "--members", DIR.resolve("members-bad.csv").toString(), "--reference-date", "2026-10-01",
                "--out", result.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "members-bad.csv:3:working_capacity: maybe: not one of yes, no, có, không, true, false, 1, 0",
                "members-bad.csv:6:birth_date: 2027-01-01: the birth date is after 2026-11-01");
        assertThat(result).doesNotExist();
    }

    @Test
    void anUnknownStandardIsRefused() {
        int status = run("--standard", "ND99_2040", "--households", DIR.resolve("households.csv").toString(),
                "--members", DIR.resolve("members.csv").toString(), "--out", temp.resolve("r.csv").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown standard ND99_2040");
    }

    @Test
    void anEmptyAreaInAnUnknownCommuneIsAProblem() throws Exception {
        Path households = temp.resolve("households.csv");
        Path members = temp.resolve("members.csv");
        Files.writeString(households, Files.readString(DIR.resolve("households.csv")).replace("H001,00004", "H001,99999"));
        Files.writeString(members, Files.readString(DIR.resolve("members.csv")).replace("H001,00004", "H001,99999"));

        int status = run("--standard", "ND07_2021", "--households", households.toString(), "--members",
                members.toString(), "--reference-date", "2026-10-01", "--out", temp.resolve("r.csv").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("household H001: area is empty and commune 99999");
    }

    @Test
    void communeTypesFollowTheUnitsValidOnTheReferenceDate() {
        CommuneAreas areas = CommuneAreas.bundled();
        PovertyStandard nd07 = Households.ND07;

        assertThat(areas.areaOf("00004", LocalDate.of(2025, 7, 1), nd07)).contains(vn.giamngheo.exchange.Area.URBAN);
        assertThat(areas.areaOf("00004", LocalDate.of(2025, 6, 30), nd07)).contains(vn.giamngheo.exchange.Area.URBAN);
        assertThat(areas.areaOf("99999", LocalDate.of(2025, 7, 1), nd07)).isEmpty();
    }
}
