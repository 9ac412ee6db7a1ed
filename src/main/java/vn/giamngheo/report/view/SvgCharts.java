package vn.giamngheo.report.view;

import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG drawn on the server, readable without colour: every bar and point carries its value
 * as text, the near-poor series is hatched and drawn with a dashed line, and each chart has a title and a
 * description for screen readers.
 */
public final class SvgCharts {

    private static final int WIDTH = 720;
    private static final int LABEL = 210;
    private static final int BAR = 16;
    private static final int GAP = 10;

    private SvgCharts() {
    }

    /** One bar group: a label and two shares (fractions, null = no households). */
    public record Bar(String label, Double poor, Double nearPoor) {
    }

    /** One point of a trend: a year and two shares (null = no figure that year). */
    public record Point(String label, Double poor, Double nearPoor) {
    }

    /** Horizontal bars of the poor (solid) and near-poor (hatched) rates by unit, values written beside them. */
    public static String rates(String title, String poorLabel, String nearPoorLabel, List<Bar> bars) {
        double max = bars.stream().flatMap(b -> java.util.stream.Stream.of(b.poor(), b.nearPoor()))
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
        double scale = max <= 0 ? 0 : (WIDTH - LABEL - 80) / max;
        int height = 40 + bars.size() * (2 * BAR + GAP) + 10;
        StringBuilder svg = open(title, height);
        legend(svg, poorLabel, nearPoorLabel);
        int y = 40;
        for (Bar b : bars) {
            svg.append(text(LABEL - 6, y + BAR + 4, "end", b.label()));
            bar(svg, y, b.poor(), scale, "solid");
            bar(svg, y + BAR, b.nearPoor(), scale, "hatch");
            y += 2 * BAR + GAP;
        }
        return svg.append("</svg>").toString();
    }

    /** Lines of the poor (solid, circles) and near-poor (dashed, squares) rates over the years, values at the points. */
    public static String trend(String title, String poorLabel, String nearPoorLabel, List<Point> points) {
        int height = 260;
        int left = 50;
        int right = WIDTH - 30;
        int top = 40;
        int bottom = height - 40;
        double max = points.stream().flatMap(p -> java.util.stream.Stream.of(p.poor(), p.nearPoor()))
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
        double scaleY = max <= 0 ? 0 : (bottom - top) / max;
        double step = points.size() <= 1 ? 0 : (double) (right - left) / (points.size() - 1);
        StringBuilder svg = open(title, height);
        legend(svg, poorLabel, nearPoorLabel);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>",
                left, bottom, right, bottom));
        StringBuilder poorLine = new StringBuilder();
        StringBuilder nearLine = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = points.size() == 1 ? (left + right) / 2.0 : left + i * step;
            svg.append(text(x, bottom + 18, "middle", p.label()));
            if (p.poor() != null) {
                double y = bottom - p.poor() * scaleY;
                poorLine.append(poorLine.isEmpty() ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"4\" fill=\"#000\"/>", fmt(x), fmt(y)));
                svg.append(text(x, y - 8, "middle", percent(p.poor())));
            }
            if (p.nearPoor() != null) {
                double y = bottom - p.nearPoor() * scaleY;
                nearLine.append(nearLine.isEmpty() ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%s\" y=\"%s\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"#000\"/>",
                        fmt(x - 4), fmt(y - 4)));
                svg.append(text(x, y + 18, "middle", percent(p.nearPoor())));
            }
        }
        if (!poorLine.isEmpty()) {
            svg.append("<path d=\"").append(poorLine).append("\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/>");
        }
        if (!nearLine.isEmpty()) {
            svg.append("<path d=\"").append(nearLine)
                    .append("\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** "5,23 %": two decimals, decimal comma (Vietnamese notation, the charts' numbers are language-neutral enough). */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f", share * 100).replace('.', ',') + " %";
    }

    private static StringBuilder open(String title, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" class=\"chart\" font-family=\"sans-serif\" font-size=\"12\">",
                WIDTH, height));
        svg.append("<title>").append(escape(title)).append("</title>");
        svg.append("<defs><pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
                + "<path d=\"M0 6 L6 0\" stroke=\"#000\" stroke-width=\"1.2\"/></pattern></defs>");
        svg.append(text(WIDTH / 2.0, 16, "middle", title).replace("<text ", "<text font-weight=\"bold\" "));
        return svg;
    }

    private static void legend(StringBuilder svg, String poorLabel, String nearPoorLabel) {
        svg.append("<rect x=\"10\" y=\"24\" width=\"14\" height=\"10\" fill=\"#333\" stroke=\"#000\"/>");
        svg.append(text(28, 33, "start", poorLabel));
        svg.append("<rect x=\"200\" y=\"24\" width=\"14\" height=\"10\" fill=\"url(#hatch)\" stroke=\"#000\"/>");
        svg.append(text(218, 33, "start", nearPoorLabel));
    }

    private static void bar(StringBuilder svg, int y, Double share, double scale, String fill) {
        if (share == null) {
            svg.append(text(LABEL + 4, y + BAR - 4, "start", "—"));
            return;
        }
        double w = share * scale;
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%s\" height=\"%d\" fill=\"%s\" stroke=\"#000\"/>",
                LABEL, y + 1, fmt(w), BAR - 2, "solid".equals(fill) ? "#333" : "url(#hatch)"));
        svg.append(text(LABEL + w + 4, y + BAR - 4, "start", percent(share)));
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\">%s</text>", fmt(x), fmt(y), anchor,
                escape(content));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
