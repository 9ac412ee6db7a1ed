package vn.giamngheo.report.chart;

import java.util.List;

/**
 * The Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008): eight colours told apart by readers with
 * any of the common colour-vision deficiencies. The poor series is vermilion, the near-poor series blue; they also
 * differ by line style and marker, so the charts read in grey print too.
 */
public final class Palette {

    public static final String ORANGE = "#E69F00";
    public static final String SKY_BLUE = "#56B4E9";
    public static final String BLUISH_GREEN = "#009E73";
    public static final String YELLOW = "#F0E442";
    public static final String BLUE = "#0072B2";
    public static final String VERMILION = "#D55E00";
    public static final String REDDISH_PURPLE = "#CC79A7";
    public static final String BLACK = "#000000";

    /** Every colour of the palette. */
    public static final List<String> OKABE_ITO = List.of(ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILION,
            REDDISH_PURPLE, BLACK);

    /**
     * The order series take their colours in: vermilion and blue first (poor, near-poor), then sky blue — the three
     * stay apart under simulated protanopia, deuteranopia and tritanopia (the palette test) — yellow last (weak on white).
     */
    public static final List<String> SERIES = List.of(VERMILION, BLUE, SKY_BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE,
            BLACK, YELLOW);

    /** Text, axes and grid: not data colours. */
    public static final String TEXT = "#1A1A1A";
    public static final String MUTED = "#595959";
    public static final String GRID = "#D9D9D9";
    public static final String NO_DATA = "#EDEDED";

    private Palette() {
    }

    /** The colour of the {@code index}-th series. */
    public static String series(int index) {
        return SERIES.get(Math.floorMod(index, SERIES.size()));
    }
}
