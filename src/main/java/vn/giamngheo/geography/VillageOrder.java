package vn.giamngheo.geography;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The order in which officials list villages: by name in Vietnamese alphabetical order, the numbers in a name by their
 * value ("Tổ dân phố 2" before "Tổ dân phố 10", "Thôn 3" before "Thôn 3A"), not character by character.
 */
public final class VillageOrder implements Comparator<String> {

    public static final VillageOrder INSTANCE = new VillageOrder();

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private VillageOrder() {
    }

    /**
     * The same order for a query that pages in SQL, as an {@code ORDER BY} list over a village name column (null last):
     * the text before the first number, that number by value, what follows it, then the name. Names with several numbers or
     * accents sort by the database's collation there, close to but not always exactly as {@link #compare}.
     */
    public static String sql(String nameColumn) {
        return ("substring(%1$s FROM '^[^0-9]*') NULLS LAST, CAST(substring(%1$s FROM '[0-9]+') AS numeric) NULLS FIRST,"
                + " substring(%1$s FROM '^[^0-9]*[0-9]+(.*)$') NULLS FIRST, %1$s NULLS LAST").formatted(nameColumn);
    }

    @Override
    public int compare(String a, String b) {
        Collator collator = Collator.getInstance(VIETNAMESE); // not thread-safe: one per comparison
        collator.setStrength(Collator.SECONDARY);
        List<String> x = parts(a);
        List<String> y = parts(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            String p = x.get(i);
            String q = y.get(i);
            boolean pNumber = Character.isDigit(p.charAt(0));
            boolean qNumber = Character.isDigit(q.charAt(0));
            int c;
            if (pNumber && qNumber) {
                String pv = p.replaceFirst("^0+(?=.)", "");
                String qv = q.replaceFirst("^0+(?=.)", "");
                c = pv.length() != qv.length() ? Integer.compare(pv.length(), qv.length()) : pv.compareTo(qv);
            } else {
                c = collator.compare(p, q);
            }
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(x.size(), y.size());
        return c != 0 ? c : a.compareTo(b);
    }

    /** The runs of digits and of everything else, in order. */
    private static List<String> parts(String s) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= s.length(); i++) {
            if (i == s.length() || Character.isDigit(s.charAt(i)) != Character.isDigit(s.charAt(i - 1))) {
                if (i > start) {
                    parts.add(s.substring(start, i));
                }
                start = i;
            }
        }
        return parts;
    }
}
