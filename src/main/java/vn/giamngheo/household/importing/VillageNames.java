package vn.giamngheo.household.importing;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Village names as officers type them: the key a name is found by (spaces collapsed, case ignored, as
 * {@code GeographyCatalog.findOrCreateVillages} matches) and, for a name not found, the closest names of the
 * commune by edit distance, ignoring accents and case ("Thon 1" is next to "Thôn 1").
 */
final class VillageNames {

    /** How many suggestions an unknown village gets. */
    static final int SUGGESTIONS = 3;

    private VillageNames() {
    }

    /** The key a village is found by: NFC, spaces collapsed, lower case (accents count). */
    static String key(String name) {
        return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /** The name without accents (đ as d), spaces collapsed, lower case: what suggestions compare. */
    static String plain(String name) {
        String decomposed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
        return decomposed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The Levenshtein distance of two texts. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The (at most {@value #SUGGESTIONS}) names closest to {@code name}, nearest first, ties by name. */
    static List<String> closest(String name, Collection<String> names) {
        String wanted = plain(name);
        return names.stream().distinct()
                .sorted(Comparator.comparingInt((String n) -> distance(wanted, plain(n))).thenComparing(n -> n))
                .limit(SUGGESTIONS).toList();
    }
}
