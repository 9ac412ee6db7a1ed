package vn.giamngheo.standard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.standard.rules.StandardCatalog;

/**
 * The poverty standards of the database, for the rest of the system: the current version of every standard as
 * a pure {@link StandardCatalog}, any earlier version, and the standard that applies to the lists of a year in
 * a province. Read once and kept in memory; replaced after every committed change.
 */
@Service
public class StandardRegistry {

    private static final String CSV_HEADER = "standard,parameter,value,unit,legal_source,confidence,note\n";

    private final StandardRepository repository;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    /** Increased by every committed change; a snapshot read under an older generation is read again. */
    private final AtomicLong generation = new AtomicLong();

    StandardRegistry(StandardRepository repository) {
        this.repository = repository;
    }

    /** The current (latest) version of every standard, national and provincial. */
    public StandardCatalog catalog() {
        return snapshot().catalog();
    }

    /** The latest version of a standard. */
    public Optional<PovertyStandard> standard(String code) {
        return latest(code).map(StoredStandard::standard);
    }

    /** One version of a standard, e.g. the one an earlier result was decided with. */
    public Optional<PovertyStandard> standard(String code, int version) {
        return stored(code, version).map(StoredStandard::standard);
    }

    /**
     * The standard for the lists of {@code listYear} in a province: the province's own standard when its
     * schedule has one for that year, otherwise the national one.
     *
     * @param provinceCode may be null for the national schedule
     * @throws IllegalStateException when no standard is scheduled for the year
     */
    public PovertyStandard standardForList(int listYear, String provinceCode) {
        String code = scheduledCode(listYear, provinceCode).orElseThrow(() -> new IllegalStateException(
                "no poverty standard is scheduled for the lists of " + listYear));
        return standard(code).orElseThrow(() -> new IllegalStateException(
                "the schedule names standard " + code + ", which does not exist"));
    }

    /** The code scheduled for the lists of a year in a province (its own row first, else the national row). */
    public Optional<String> scheduledCode(int listYear, String provinceCode) {
        List<ScheduleEntry> schedule = snapshot().schedule();
        Optional<ScheduleEntry> own = provinceCode == null ? Optional.empty() : schedule.stream()
                .filter(e -> provinceCode.equals(e.provinceCode()) && e.covers(listYear)).findFirst();
        return own.or(() -> schedule.stream().filter(e -> e.national() && e.covers(listYear)).findFirst())
                .map(ScheduleEntry::standardCode);
    }

    /** Every version of a standard, oldest first; empty when the code is unknown. */
    public List<StandardVersion> versions(String code) {
        return snapshot().byCode().getOrDefault(code, List.of()).stream().map(StoredStandard::version).toList();
    }

    /** The latest version of every standard: national ones first, by validity. */
    public List<StandardVersion> currentVersions() {
        return snapshot().byCode().values().stream().map(v -> v.get(v.size() - 1).version())
                .sorted(Comparator.comparing((StandardVersion v) -> v.provincial())
                        .thenComparing(v -> v.provinceCode() == null ? "" : v.provinceCode())
                        .thenComparing(StandardVersion::validFrom).thenComparing(StandardVersion::code))
                .toList();
    }

    public Optional<StoredStandard> latest(String code) {
        List<StoredStandard> versions = snapshot().byCode().get(code);
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public Optional<StoredStandard> stored(String code, int version) {
        return snapshot().byCode().getOrDefault(code, List.of()).stream()
                .filter(s -> s.version().version() == version).findFirst();
    }

    /** The whole schedule: national rows first, then each province's, by year. */
    public List<ScheduleEntry> schedule() {
        return snapshot().schedule();
    }

    /** Forgets the cached data once the current transaction commits (at once when there is none). */
    void invalidate() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        } else {
            generation.incrementAndGet();
        }
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot.get();
        long now = generation.get();
        if (current == null || current.generation() != now) {
            current = load(now);
            snapshot.set(current);
        }
        return current;
    }

    private Snapshot load(long forGeneration) {
        Map<String, List<StoredStandard>> byCode = new LinkedHashMap<>();
        for (StoredStandard s : repository.loadAll()) {
            byCode.computeIfAbsent(s.version().code(), c -> new ArrayList<>()).add(s);
        }
        byCode.values().forEach(v -> v.sort(Comparator.comparingInt(s -> s.version().version())));
        StandardCatalog catalog = emptyCatalog();
        for (List<StoredStandard> versions : byCode.values()) {
            catalog = catalog.with(versions.get(versions.size() - 1).standard());
        }
        byCode.replaceAll((code, versions) -> List.copyOf(versions));
        return new Snapshot(forGeneration, Map.copyOf(byCode), catalog, List.copyOf(repository.schedule()));
    }

    private static StandardCatalog emptyCatalog() {
        try {
            return StandardCatalog.read(new ByteArrayInputStream(CSV_HEADER.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Snapshot(long generation, Map<String, List<StoredStandard>> byCode, StandardCatalog catalog,
                            List<ScheduleEntry> schedule) {
    }
}
