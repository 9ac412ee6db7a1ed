package vn.giamngheo.standard;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileReader;
import vn.giamngheo.exchange.ReadResult;
import vn.giamngheo.status.rules.PovertyStatus;
import vn.giamngheo.system.cli.BatchCommand;
import vn.giamngheo.system.cli.CommandArguments;
import vn.giamngheo.standard.rules.Classification;
import vn.giamngheo.standard.rules.ClassificationCsvWriter;
import vn.giamngheo.standard.rules.CommuneAreas;
import vn.giamngheo.standard.rules.ExplanationRenderer;
import vn.giamngheo.standard.rules.Message;
import vn.giamngheo.standard.rules.MissingFactException;
import vn.giamngheo.standard.rules.MissingParameterException;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.standard.rules.StandardCatalog;

/**
 * {@code classify --standard ND07_2021 --households h.csv --members m.csv [--reference-date 2026-10-01]
 * --out result.csv}: classifies every household (no database) and writes exchange-format §3. Exit 0 when
 * done; 2 when an input cannot be used (every problem printed as {@code file:line:column: value: message}),
 * the standard is unknown, or a household lacks a fact a rule needs.
 */
public final class ClassifyCommand implements BatchCommand {

    private final StandardCatalog catalog;
    private final CommuneAreas communeAreas;
    private final LocalDate today;

    public ClassifyCommand() {
        this(StandardCatalog.national(), CommuneAreas.bundled(), LocalDate.now());
    }

    public ClassifyCommand(StandardCatalog catalog, CommuneAreas communeAreas, LocalDate today) {
        this.catalog = catalog;
        this.communeAreas = communeAreas;
        this.today = today;
    }

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String usage() {
        return "classify --standard CODE --households h.csv|h.xlsx --members m.csv|m.xlsx "
                + "[--reference-date YYYY-MM-DD] --out result.csv";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandArguments arguments = CommandArguments.parse(args);
        String code = arguments.required("standard");
        Path households = Path.of(arguments.required("households"));
        Path members = Path.of(arguments.required("members"));
        Path output = Path.of(arguments.required("out"));
        LocalDate referenceDate;
        try {
            referenceDate = arguments.option("reference-date").map(LocalDate::parse).orElse(today);
        } catch (DateTimeParseException e) {
            err.println("error: --reference-date is not a date YYYY-MM-DD: " + e.getParsedString());
            return 2;
        }
        Optional<PovertyStandard> standard = catalog.standard(code);
        if (standard.isEmpty()) {
            err.println("error: unknown standard " + code + " (known: " + String.join(", ", catalog.codes()) + ")");
            return 2;
        }
        for (Path file : List.of(households, members)) {
            if (!Files.isReadable(file)) {
                err.println("error: cannot read " + file);
                return 2;
            }
        }
        ReadResult read = new HouseholdFileReader(today).read(households, members);
        read.warnings().forEach(w -> err.println("warning: " + w));
        if (!read.isSuccess()) {
            read.errors().forEach(err::println);
            err.println(read.errors().size() + " problems; nothing classified");
            return 2;
        }
        List<Classification> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (HouseholdData data : read.households()) {
            LocalDate date = Optional.ofNullable(data.household().referenceDate()).orElse(referenceDate);
            Area area = data.household().areaIfGiven()
                    .or(() -> communeAreas.areaOf(data.household().communeCode(), date, standard.get()))
                    .orElse(null);
            if (area == null) {
                problems.add(households.getFileName() + ": household " + data.code() + ": area is empty and commune "
                        + data.household().communeCode() + " is unknown on " + date);
                continue;
            }
            try {
                results.add(new PovertyClassifier().classify(data, standard.get(), referenceDate, area));
            } catch (MissingFactException | MissingParameterException e) {
                problems.add(households.getFileName() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println(problems.size() + " problems; nothing written");
            return 2;
        }
        try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            new ClassificationCsvWriter().write(results, writer);
        } catch (IOException e) {
            err.println("error: cannot write " + output + ": " + e.getMessage());
            return 2;
        }
        Map<PovertyStatus, Integer> counts = new EnumMap<>(PovertyStatus.class);
        for (PovertyStatus s : PovertyStatus.values()) {
            counts.put(s, 0);
        }
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        out.println(new ExplanationRenderer(Locale.ENGLISH).render(Message.of("classification.command.summary",
                results.size(), code, counts.get(PovertyStatus.POOR), counts.get(PovertyStatus.NEAR_POOR), counts.get(PovertyStatus.AVERAGE),
                counts.get(PovertyStatus.NOT_POOR))) + " Written: " + output);
        return 0;
    }
}
