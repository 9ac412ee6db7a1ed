package vn.giamngheo.household.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.giamngheo.exchange.ExchangeProblem;

/**
 * Every village named in the file is a village of its commune (ignoring case), or is refused with the closest
 * names of the commune ("Thôn Không Có: không có thôn này; gần nhất: Thôn 1, Thôn 2") — unless the import may
 * create the new villages, which are then listed ({@link #newVillages}). A typo never makes a village.
 */
final class VillageValidator implements ImportValidator {

    static final String UNKNOWN = "import.village-unknown";

    /** The villages in use of each commune of the file, by commune code. */
    private final Map<String, List<String>> villages;
    private final boolean create;

    VillageValidator(Map<String, List<String>> villages, boolean create) {
        this.villages = villages;
        this.create = create;
    }

    @Override
    public void validate(List<ImportRow> rows, ImportContext context, Consumer<ExchangeProblem> problems) {
        if (create) {
            return;
        }
        for (ImportRow row : rows) {
            String name = row.data().household().village();
            String commune = row.data().household().communeCode();
            List<String> known = villages.get(commune);
            if (name == null || name.isBlank() || known == null || isKnown(name, known)) {
                continue; // no village, or a commune already refused
            }
            List<String> closest = VillageNames.closest(name, known);
            String suggestions = closest.isEmpty() ? "—" : String.join(", ", closest);
            problems.accept(new ExchangeProblem(ExchangeProblem.Severity.ERROR, context.householdsName(), row.line(),
                    "village", name, UNKNOWN, List.of(name.strip(), suggestions),
                    name.strip() + ": no such village in commune " + commune + "; closest: " + suggestions));
        }
    }

    /** The villages the file names that the commune does not have (to be created), once each, in file order. */
    List<ImportPlan.NewVillage> newVillages(List<ImportRow> rows) {
        Map<String, ImportPlan.NewVillage> wanted = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            String name = row.data().household().village();
            String commune = row.data().household().communeCode();
            List<String> known = villages.get(commune);
            if (name != null && !name.isBlank() && known != null && !isKnown(name, known)) {
                String clean = name.strip().replaceAll("\\s+", " ");
                wanted.putIfAbsent(commune + "/" + VillageNames.key(name), new ImportPlan.NewVillage(commune, clean));
            }
        }
        return List.copyOf(wanted.values());
    }

    private static boolean isKnown(String name, List<String> known) {
        String key = VillageNames.key(name);
        return known.stream().anyMatch(k -> VillageNames.key(k).equals(key));
    }
}
