package vn.giamngheo.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.giamngheo.format.Formats;

/** The layout rules of the charts: no two texts overlap, nothing drawn outside, no zero where there is no data. */
class ChartLayoutTest {

    static final Formats VI = Formats.vietnamese();
    static final Formats EN = Formats.english();
    static final List<String> SERIES = List.of("Hộ nghèo", "Hộ cận nghèo");
    static final String NO_DATA = "chưa có số liệu";

    /** A Vietnamese unit name of about {@code length} characters. */
    static String name(int i, int length) {
        String base = "Xã Nghĩa Hưng Đông Bắc Thượng Ngạn Khuổi Nặm Phìn Hồ Ẵm Chư Pưh Ia Hrú Ea Kiết Buôn Đôn Krông";
        return (i + ". " + base.repeat(3)).substring(0, Math.max(6, length)).strip();
    }

    static BarChart bars(int units, int nameLength, int noDataEvery, String title) {
        List<BarChart.Category> cats = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            boolean none = noDataEvery > 0 && i % noDataEvery == 0;
            cats.add(new BarChart.Category(name(i, nameLength),
                    none ? null : Arrays.asList(0.003 + (i * 37 % 100) / 400.0, (i * 53 % 100) / 900.0)));
        }
        return new BarChart(title, SERIES, cats, Values.SHARE, true, NO_DATA);
    }

    static LineChart lines(int years, int noDataEvery) {
        List<LineChart.Point> points = new ArrayList<>();
        for (int i = 0; i < years; i++) {
            boolean none = noDataEvery > 0 && i % noDataEvery == 1;
            // the two rates close to each other in some years, crossing in others: labels must still stand apart
            points.add(new LineChart.Point(String.valueOf(2016 + i), none ? null
                    : Arrays.asList(0.12 - i * 0.004 + (i % 3) * 0.002, 0.08 + (i % 4) * 0.01)));
        }
        return new LineChart("Tỷ lệ hộ nghèo, hộ cận nghèo qua các năm — Xã Nghĩa Hưng", SERIES, points, Values.SHARE,
                NO_DATA);
    }

    @ParameterizedTest(name = "{0} units, names of {1} characters, no data every {2}")
    @CsvSource({
            "0, 10, 0", "1, 10, 0", "5, 12, 0", "30, 40, 7", "30, 120, 0", "120, 60, 5", "25, 8, 1",
    })
    void barLabelsNeverOverlapNorLeaveTheChart(int units, int length, int noDataEvery) {
        for (Formats f : List.of(VI, EN)) {
            Drawing d = bars(units, length, noDataEvery,
                    "Tỷ lệ hộ nghèo, hộ cận nghèo theo đơn vị — Huyện Mường Khương, tỉnh Lào Cai, năm 2026 — "
                            + "một tiêu đề dài để xuống dòng").draw(f);
            assertThat(d.overlaps()).as("overlapping texts").isEmpty();
            assertThat(d.outside()).as("texts outside").isEmpty();
            long noData = d.texts().stream().filter(t -> t.text().equals(NO_DATA)).count();
            long expected = units == 0 ? 1 : noDataEvery == 0 ? 0 : (units + noDataEvery - 1) / noDataEvery;
            assertThat(noData).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} years, no data every {1}: labels {2}")
    @CsvSource({
            "1, 0, ACROSS", "2, 0, ACROSS", "10, 0, ACROSS", "12, 4, ACROSS", "16, 3, ACROSS", "25, 0, UPRIGHT",
            "40, 5, UPRIGHT", "80, 0, EVERY_KTH", "0, 0, ACROSS",
    })
    void yearLabelsNeverOverlap(int years, int noDataEvery, LineChart.Labels mode) {
        for (Formats f : List.of(VI, EN)) {
            LineChart chart = lines(years, noDataEvery);
            Drawing d = chart.draw(f);
            assertThat(d.overlaps()).as("overlapping texts").isEmpty();
            assertThat(d.outside()).as("texts outside").isEmpty();
            List<Drawing.Text> yearLabels = d.texts().stream().filter(t -> t.text().matches("20\\d\\d|21\\d\\d")).toList();
            if (years > 0) {
                assertThat(yearLabels).isNotEmpty();
                boolean upright = yearLabels.stream().allMatch(t -> t.rotate() == -90);
                boolean across = yearLabels.stream().allMatch(t -> t.rotate() == 0);
                switch (mode) {
                    case ACROSS -> assertThat(across && yearLabels.size() == years).isTrue();
                    case UPRIGHT -> assertThat(upright && yearLabels.size() == years).isTrue();
                    case EVERY_KTH -> assertThat(across && yearLabels.size() < years).isTrue();
                }
            }
            // a year without data has no point, it is a band saying so
            long dots = d.marks().stream().filter(m -> m instanceof Drawing.Dot dot && dot.tooltip() != null).count();
            long withData = chart.points().stream().filter(LineChart.Point::hasData).count();
            assertThat(dots).isEqualTo(withData * 2);
        }
    }

    @ParameterizedTest
    @CsvSource({"34, 40, ACROSS", "34, 39, UPRIGHT", "34, 20, UPRIGHT", "34, 10, EVERY_KTH"})
    void labelModeFollowsMeasuredWidths(double widest, double step, LineChart.Labels mode) {
        assertThat(LineChart.labels(widest, step)).isEqualTo(mode);
    }

    @Test
    void longestTextIsCutWithAnEllipsisAndKeptWholeOnHover() {
        Drawing d = bars(3, 120, 0, "T").draw(VI);
        Drawing.Text cut = d.texts().stream().filter(t -> t.text().endsWith("…")).findFirst().orElseThrow();
        assertThat(cut.tooltip()).startsWith(cut.text().substring(0, cut.text().length() - 1)).hasSizeGreaterThan(100);
        assertThat(cut.box().getWidth()).isLessThanOrEqualTo(Frame.WIDTH * BarChart.LABEL_SHARE + 0.01);
    }

    @Test
    void valuesAreWrittenInTheReadersConventions() {
        BarChart chart = new BarChart("T", SERIES, List.of(new BarChart.Category("Xã A", Arrays.asList(0.125, 0.0523))),
                Values.SHARE, true, NO_DATA);
        assertThat(texts(chart.draw(VI))).contains("12,50%", "5,23%");
        assertThat(texts(chart.draw(EN))).contains("12.50%", "5.23%");
        BarChart counts = new BarChart("T", List.of("Số xã"), List.of(new BarChart.Category("≥ 10%", List.of(1234.0))),
                Values.COUNT, false, NO_DATA);
        assertThat(texts(counts.draw(VI))).contains("1.234");
        assertThat(texts(counts.draw(EN))).contains("1,234");
        // a year is never written with a separator
        assertThat(texts(lines(3, 0).draw(VI))).contains("2016", "2018").doesNotContain("2.016");
    }

    @Test
    void noDataIsNeverAZeroBarOrPoint() {
        BarChart chart = new BarChart("T", SERIES, List.of(new BarChart.Category("Xã A", null),
                new BarChart.Category("Xã B", Arrays.asList(0.0, 0.0)), new BarChart.Category("Xã C", Arrays.asList(null, null))),
                Values.SHARE, true, NO_DATA);
        Drawing d = chart.draw(VI);
        List<Drawing.Rect> bars = d.marks().stream().filter(Drawing.Rect.class::isInstance).map(Drawing.Rect.class::cast)
                .filter(r -> r.tooltip() != null).toList();
        assertThat(bars).hasSize(2).allMatch(r -> r.tooltip().startsWith("Xã B"));
        assertThat(d.texts().stream().filter(t -> t.text().equals(NO_DATA))).hasSize(2);
        assertThat(texts(d)).contains("0,00%");
        // sorted: the units without data last
        assertThat(chart.ordered().get(0).label()).isEqualTo("Xã B");
        Drawing empty = new LineChart("T", SERIES, List.of(new LineChart.Point("2025", null)), Values.SHARE, NO_DATA)
                .draw(VI);
        assertThat(empty.marks()).noneMatch(m -> m instanceof Drawing.Dot dot && dot.tooltip() != null);
        assertThat(empty.description()).contains("2025: chưa có số liệu");
    }

    @Test
    void barsAreSortedLargestFirst() {
        BarChart chart = new BarChart("T", SERIES, List.of(new BarChart.Category("A", Arrays.asList(0.01, 0.2)),
                new BarChart.Category("B", Arrays.asList(0.3, 0.1)), new BarChart.Category("C", Arrays.asList(0.02, null))),
                Values.SHARE, true, NO_DATA);
        assertThat(chart.ordered().stream().map(BarChart.Category::label)).containsExactly("B", "C", "A");
    }

    @Test
    void seriesComeFromTheOkabeItoPaletteAndStayApartForColourBlindReaders() {
        assertThat(Palette.SERIES).containsExactlyInAnyOrderElementsOf(Palette.OKABE_ITO);
        assertThat(Palette.series(0)).isEqualTo(Palette.VERMILION);
        assertThat(Palette.series(1)).isEqualTo(Palette.BLUE);
        // the first three series stay distinct under simulated protanopia, deuteranopia and tritanopia (Machado 2009)
        for (double[][] m : List.of(PROTANOPIA, DEUTERANOPIA, TRITANOPIA)) {
            for (int a = 0; a < 3; a++) {
                for (int b = a + 1; b < 3; b++) {
                    assertThat(distance(simulate(m, Palette.series(a)), simulate(m, Palette.series(b))))
                            .as(Palette.series(a) + " vs " + Palette.series(b)).isGreaterThan(0.2);
                }
            }
        }
        // and every drawn colour of a chart is from the palette or the neutral greys
        Drawing d = lines(10, 4).draw(VI);
        List<String> colours = new ArrayList<>(Palette.OKABE_ITO);
        colours.addAll(List.of(Palette.TEXT, Palette.MUTED, Palette.GRID, Palette.NO_DATA));
        for (Drawing.Mark m : d.marks()) {
            String colour = m instanceof Drawing.Path p ? p.stroke() : m instanceof Drawing.Dot dot ? dot.fill()
                    : m instanceof Drawing.Text t ? t.fill() : m instanceof Drawing.Line l ? l.stroke()
                    : ((Drawing.Rect) m).fill();
            assertThat(colours).contains(colour);
        }
        // near-poor differs by more than colour: dashed line and square markers
        assertThat(d.marks().stream().filter(Drawing.Path.class::isInstance).map(Drawing.Path.class::cast)
                .map(Drawing.Path::dash)).containsExactly(null, "7 4");
    }

    @Test
    void svgIsAccessibleAndEscaped() {
        BarChart chart = new BarChart("Tỷ lệ <b> & \"x\"", SERIES,
                List.of(new BarChart.Category("Xã A & B <i>", Arrays.asList(0.1234, null))), Values.SHARE, true, NO_DATA);
        String svg = Svg.of(chart.draw(VI), "c1");
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("role=\"img\"", "aria-label=\"Tỷ lệ &lt;b&gt; &amp; &quot;x&quot;\"", "<title id=\"c1-title\">",
                        "<desc id=\"c1-desc\">", "aria-describedby=\"c1-desc\"", "Xã A &amp; B &lt;i&gt;", "12,34%")
                .doesNotContain("<b>", "<i>");
        assertThat(new String(Svg.file(chart.draw(VI), "c1"), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    @Test
    void pngPaintsTheSameDrawingAtTwiceItsSize() throws Exception {
        Drawing d = bars(8, 30, 3, "Tỷ lệ hộ nghèo").draw(VI);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Png.of(d)));
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(d.width() * Png.SCALE));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(d.height() * Png.SCALE));
        int vermilion = 0;
        int blue = 0;
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                vermilion += rgb == 0xD55E00 ? 1 : 0;
                blue += rgb == 0x0072B2 ? 1 : 0;
            }
        }
        assertThat(vermilion).isGreaterThan(100);
        assertThat(blue).isGreaterThan(100);
    }

    @Test
    void seriesAndValuesMustAgree() {
        assertThatThrownBy(() -> new BarChart("T", SERIES, List.of(new BarChart.Category("A", List.of(0.1))), Values.SHARE,
                true, NO_DATA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LineChart("T", List.of(), List.of(), Values.SHARE, NO_DATA))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0.1234, 5, 0.05", "0.9, 5, 0.2", "7, 5, 2", "1234, 6, 500", "0, 5, 1", "0.0004, 5, 0.0001"})
    void axisStepsAreRound(double max, int count, double step) {
        assertThat(Frame.step(max, count)).isCloseTo(step, org.assertj.core.data.Offset.offset(1e-12));
    }

    private static List<String> texts(Drawing d) {
        return d.texts().stream().map(Drawing.Text::text).toList();
    }

    // Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB
    static final double[][] PROTANOPIA = {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
            {-0.003882, -0.048116, 1.051998}};
    static final double[][] DEUTERANOPIA = {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
            {-0.011820, 0.042940, 0.968881}};
    static final double[][] TRITANOPIA = {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
            {0.004733, 0.691367, 0.303900}};

    static double[] simulate(double[][] m, String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double[] c = {linear((rgb >> 16) & 255), linear((rgb >> 8) & 255), linear(rgb & 255)};
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = Math.min(1, Math.max(0, m[i][0] * c[0] + m[i][1] * c[1] + m[i][2] * c[2]));
        }
        return out;
    }

    static double linear(int v) {
        double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
