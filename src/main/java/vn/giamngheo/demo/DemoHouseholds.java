package vn.giamngheo.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.generation.SyntheticHouseholds;
import vn.giamngheo.household.importing.HouseholdBulkImport;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;

/**
 * The demonstration households, written as the exchange format's CSV pair and stored through the bulk import (the
 * path for large files: classified once in memory, loaded by COPY, stored whole or not at all). Half of them go to
 * the first commune — 8,000 of 16,000, a commune of today's size —, the rest spread over the others; each commune's
 * households over its villages ({@link DemoVillages}).
 */
@Component
@Conditional(DemoEnabled.class)
class DemoHouseholds {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHouseholds.class);
    /** Share of ethnic-minority households in the (mountain) demonstration province. */
    private static final double MINORITY_SHARE = 0.55;
    /** Where the demonstration's identity numbers start (as the demonstration has always numbered them). */
    private static final long IDENTITY_START = 8L * 1_000_000L;

    private final HouseholdBulkImport bulkImport;

    DemoHouseholds(HouseholdBulkImport bulkImport) {
        this.bulkImport = bulkImport;
    }

    /** A commune of the demonstration, with how many households it gets. */
    record Commune(long id, String code, String name, boolean urban, int households) {
    }

    /** How many of {@code total} households each commune gets: half to the first, the rest shared in turn. */
    static int[] shares(int total, int communes) {
        int[] shares = new int[communes];
        for (int i = 0; i < total; i++) {
            shares[i < total / 2 ? 0 : 1 + i % (communes - 1)]++;
        }
        return shares;
    }

    /** Generates and stores the households; {@code province}: the province's unit (scope of the import). */
    long load(List<Commune> communes, AccessScope province, long seed, LocalDate today, int listYear) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("giamngheo-demo");
            Path households = dir.resolve("demo-households.csv");
            Path members = dir.resolve("demo-members.csv");
            write(communes, seed, today, households, members);
            CurrentUser loader = new CurrentUser(0, "demo", null, "Dữ liệu trình diễn", Role.PROVINCE_OFFICER, province,
                    null, true, null);
            HouseholdBulkImport.Result result = bulkImport.importFiles(listYear, households, members, loader, LOG::debug);
            if (!result.stored()) {
                throw new IllegalStateException("the demonstration households were refused: " + result.errors().stream()
                        .limit(5).map(Object::toString).toList());
            }
            return result.households();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demonstration households", e);
        } finally {
            delete(dir);
        }
    }

    private static void write(List<Commune> communes, long seed, LocalDate today, Path householdsFile, Path membersFile)
            throws IOException {
        SyntheticHouseholds source = new SyntheticHouseholds(seed, today, IDENTITY_START);
        int number = 0;
        try (OutputStream h = Files.newOutputStream(householdsFile);
             OutputStream m = Files.newOutputStream(membersFile);
             HouseholdFileWriter.CsvPair files = new HouseholdFileWriter().openCsv(h, m)) {
            for (int c = 0; c < communes.size(); c++) {
                Commune commune = communes.get(c);
                DemoVillages villages = new DemoVillages(commune.households(), c == 0);
                for (int i = 0; i < commune.households(); i++) {
                    HouseholdData d = source.next(commune.code(), String.format("HN%05d", ++number), commune.urban(),
                            MINORITY_SHARE, 0);
                    String village = DemoVillages.name(villages.villageOf(i, commune.households()), commune.urban());
                    // the house number within the commune's numbering, in the household's own village
                    files.write(SyntheticHouseholds.inVillage(d, village, "Số nhà " + (i + 1) + ", " + village));
                }
            }
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
