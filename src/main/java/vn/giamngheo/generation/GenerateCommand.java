package vn.giamngheo.generation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.standard.rules.StandardCatalog;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.system.cli.BatchCommand;
import vn.giamngheo.system.cli.CommandArguments;

/**
 * {@code generate --households N [--province 08|all] [--seed S] --out DIR}: writes {@code households.csv} and
 * {@code members.csv} (exchange format §1) of N synthetic households on the communes of today's map, household
 * after household (memory does not grow with N). Deterministic for a seed. Households are spread over regions
 * by the published household counts of 2024, and the hardship of each region is calibrated so that the
 * share of poor plus near-poor households under Decree 07/2021 matches the published rate of the region.
 */
public final class GenerateCommand implements BatchCommand {

    /** Identity numbers of generated people start above this (the demonstration data uses 000008…). */
    public static final long IDENTITY_START = 100_000_000_000L;

    private final LocalDate today;

    public GenerateCommand() {
        this(LocalDate.now());
    }

    public GenerateCommand(LocalDate today) {
        this.today = today;
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "generate --households N [--province CODE|all] [--seed S] --out DIR   (synthetic households.csv + members.csv, calibrated to the 2024 review)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments a = CommandArguments.parse(args);
        long total;
        long seed;
        try {
            total = Long.parseLong(a.required("households").replace("_", ""));
            seed = Long.parseLong(a.option("seed").orElse("1"));
        } catch (NumberFormatException e) {
            err.println("error: --households and --seed must be whole numbers");
            return 2;
        }
        if (total < 1 || total > 40_000_000) {
            err.println("error: --households must be between 1 and 40,000,000");
            return 2;
        }
        String province = a.option("province").orElse("all");
        Path dir = Path.of(a.required("out"));
        NationalPlan plan = NationalPlan.bundled();
        List<NationalPlan.Commune> communes = plan.communesOf(province);
        if (communes.isEmpty()) {
            err.println("error: no province " + province + " on today's map (use a 2-digit code such as 08, or all)");
            return 2;
        }
        PovertyStandard standard = StandardCatalog.national().standard("ND07_2021").orElseThrow();
        Map<String, RegionCalibration.Result> calibration = RegionCalibration.calibrate(plan, standard, today);
        calibration.forEach((region, r) -> out.printf("region %-3s %-40s target %5.2f %%  sample %5.2f %%  shift %+.3f%n",
                region, plan.regions().get(region).name(), plan.regions().get(region).poorAndNearPoorRate() * 100,
                r.sampleRate() * 100, r.shift()));
        long[] counts = plan.allocate(communes, total);
        long start = System.nanoTime();
        SyntheticHouseholds source = new SyntheticHouseholds(seed, today, IDENTITY_START);
        long members = 0;
        try {
            Files.createDirectories(dir);
            try (OutputStream h = Files.newOutputStream(dir.resolve("households.csv"));
                 OutputStream m = Files.newOutputStream(dir.resolve("members.csv"));
                 HouseholdFileWriter.CsvPair files = new HouseholdFileWriter().openCsv(h, m)) {
                long written = 0;
                for (int c = 0; c < communes.size(); c++) {
                    NationalPlan.Commune commune = communes.get(c);
                    double shift = calibration.get(commune.region().code()).shift();
                    long villages = Math.max(1, counts[c] / 250);
                    for (long i = 0; i < counts[c]; i++) {
                        HouseholdData d = source.next(commune.code(), "G" + pad(i + 1), commune.urban(),
                                commune.region().minorityShare(), shift);
                        files.write(SyntheticHouseholds.inVillage(d, (commune.urban() ? "Tổ dân phố " : "Thôn ") + (1 + i % villages)));
                        members += d.members().size();
                        if (++written % 1_000_000 == 0) {
                            out.println(written + " households written");
                        }
                    }
                }
            }
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("generated %,d households, %,d members on %,d communes (province %s, seed %d) into %s in %.1f s%n",
                total, members, communes.size(), province, seed, dir, seconds);
        return 0;
    }

    private static String pad(long n) {
        String s = Long.toString(n);
        return "0000000".substring(Math.min(7, s.length())) + s;
    }


}
