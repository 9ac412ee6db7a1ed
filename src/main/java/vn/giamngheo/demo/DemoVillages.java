package vn.giamngheo.demo;

/**
 * How the demonstration spreads a commune's households over its villages: since 1 July 2025 a commune holds about
 * 8,000 households in 15–30 villages, so a village holds about 400 (at least 6 villages in a small commune, at
 * least 15 in the first commune — the one the demonstration users work in —, at most 30), of unequal sizes as real
 * villages are. Households are numbered village by village, as communes number them.
 */
final class DemoVillages {

    static final int HOUSEHOLDS_PER_VILLAGE = 400;
    static final int MIN_VILLAGES = 6;
    static final int MIN_VILLAGES_FIRST_COMMUNE = 15;
    static final int MAX_VILLAGES = 30;

    private final double[] upperBounds;

    /** {@code households}: the commune's households; {@code first}: the commune of the demonstration users. */
    DemoVillages(int households, boolean first) {
        int count = villages(households, first);
        double[] weights = new double[count];
        double total = 0;
        for (int v = 0; v < count; v++) {
            // sizes between 0.6 and 1.4 of the mean, spread by the golden ratio (no two neighbours alike)
            weights[v] = 0.6 + 0.8 * ((v * 0.6180339887) % 1.0);
            total += weights[v];
        }
        upperBounds = new double[count];
        double sum = 0;
        for (int v = 0; v < count; v++) {
            sum += weights[v] / total;
            upperBounds[v] = sum;
        }
        upperBounds[count - 1] = 1.0;
    }

    static int villages(int households, boolean first) {
        int wanted = (households + HOUSEHOLDS_PER_VILLAGE - 1) / HOUSEHOLDS_PER_VILLAGE;
        return Math.max(first ? MIN_VILLAGES_FIRST_COMMUNE : MIN_VILLAGES, Math.min(MAX_VILLAGES, wanted));
    }

    int count() {
        return upperBounds.length;
    }

    /** The village (1-based) of the commune's {@code index}-th household (0-based) of {@code households}. */
    int villageOf(int index, int households) {
        double position = (index + 0.5) / households;
        for (int v = 0; v < upperBounds.length; v++) {
            if (position < upperBounds[v]) {
                return v + 1;
            }
        }
        return upperBounds.length;
    }

    static String name(int village, boolean urban) {
        return (urban ? "Tổ dân phố " : "Thôn ") + village;
    }
}
