package vn.giamngheo.report.chart;

import java.util.Locale;

/**
 * A drawing as SVG: {@code role="img"} with the title as {@code aria-label}, {@code <title>} and {@code <desc>} (every
 * value in words) for screen readers, a tooltip on bars and points. The same text is inlined in pages and served as
 * a file.
 */
public final class Svg {

    /** The fonts named: the bundled one the layout measured first, then similar sans fonts. */
    static final String FONTS = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif";

    private Svg() {
    }

    /** The SVG element; {@code id} makes the ids of its title and description unique on a page. */
    public static String of(Drawing d, String id) {
        StringBuilder svg = new StringBuilder(4096 + d.marks().size() * 120);
        String safeId = id == null ? "chart" : id.replaceAll("[^A-Za-z0-9_-]", "-");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 ").append(n(d.width()))
                .append(' ').append(n(d.height())).append("\" width=\"").append(n(d.width())).append("\" height=\"")
                .append(n(d.height())).append("\" role=\"img\" aria-label=\"").append(escape(d.title()))
                .append("\" aria-describedby=\"").append(safeId).append("-desc\" class=\"chart\" font-family=\"")
                .append(escape(FONTS)).append("\" style=\"max-width:100%;height:auto\">");
        svg.append("<title id=\"").append(safeId).append("-title\">").append(escape(d.title())).append("</title>");
        svg.append("<desc id=\"").append(safeId).append("-desc\">").append(escape(d.description())).append("</desc>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(n(d.width())).append("\" height=\"").append(n(d.height()))
                .append("\" fill=\"#ffffff\"/>");
        for (Drawing.Mark m : d.marks()) {
            if (m instanceof Drawing.Rect r) {
                svg.append("<rect x=\"").append(n(r.x())).append("\" y=\"").append(n(r.y())).append("\" width=\"")
                        .append(n(r.w())).append("\" height=\"").append(n(r.h())).append("\" fill=\"").append(r.fill())
                        .append('"');
                if (r.stroke() != null) {
                    svg.append(" stroke=\"").append(r.stroke()).append('"');
                }
                close(svg, "rect", r.tooltip());
            } else if (m instanceof Drawing.Line l) {
                svg.append("<line x1=\"").append(n(l.x1())).append("\" y1=\"").append(n(l.y1())).append("\" x2=\"")
                        .append(n(l.x2())).append("\" y2=\"").append(n(l.y2())).append("\" stroke=\"").append(l.stroke())
                        .append("\" stroke-width=\"").append(n(l.strokeWidth())).append('"');
                dash(svg, l.dash());
                svg.append("/>");
            } else if (m instanceof Drawing.Path p) {
                StringBuilder path = new StringBuilder();
                boolean pen = false;
                for (double[] pt : p.points()) {
                    if (pt == null) {
                        pen = false;
                        continue;
                    }
                    path.append(path.isEmpty() ? "" : " ").append(pen ? "L" : "M").append(n(pt[0])).append(' ')
                            .append(n(pt[1]));
                    pen = true;
                }
                if (!path.isEmpty()) {
                    svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(p.stroke())
                            .append("\" stroke-width=\"").append(n(p.strokeWidth()))
                            .append("\" stroke-linejoin=\"round\"");
                    dash(svg, p.dash());
                    svg.append("/>");
                }
            } else if (m instanceof Drawing.Dot dot) {
                if (dot.square()) {
                    svg.append("<rect x=\"").append(n(dot.x() - 4)).append("\" y=\"").append(n(dot.y() - 4))
                            .append("\" width=\"8\" height=\"8\" fill=\"").append(dot.fill())
                            .append("\" stroke=\"#ffffff\"");
                    close(svg, "rect", dot.tooltip());
                } else {
                    svg.append("<circle cx=\"").append(n(dot.x())).append("\" cy=\"").append(n(dot.y()))
                            .append("\" r=\"4.5\" fill=\"").append(dot.fill()).append("\" stroke=\"#ffffff\"");
                    close(svg, "circle", dot.tooltip());
                }
            } else if (m instanceof Drawing.Text t) {
                svg.append("<text x=\"").append(n(t.x())).append("\" y=\"").append(n(t.y())).append("\" font-size=\"")
                        .append(n(t.size())).append("\" fill=\"").append(t.fill()).append('"');
                if (t.bold()) {
                    svg.append(" font-weight=\"bold\"");
                }
                if (t.anchor() != Drawing.Anchor.START) {
                    svg.append(" text-anchor=\"").append(t.anchor() == Drawing.Anchor.MIDDLE ? "middle" : "end")
                            .append('"');
                }
                if (t.rotate() != 0) {
                    svg.append(" transform=\"rotate(").append(n(t.rotate())).append(' ').append(n(t.x())).append(' ')
                            .append(n(t.y())).append(")\"");
                }
                svg.append('>');
                if (t.tooltip() != null) {
                    svg.append("<title>").append(escape(t.tooltip())).append("</title>");
                }
                svg.append(escape(t.text())).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The file served for download: the XML declaration, then the same SVG. */
    public static byte[] file(Drawing d, String id) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + of(d, id) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void close(StringBuilder svg, String element, String tooltip) {
        if (tooltip == null) {
            svg.append("/>");
        } else {
            svg.append("><title>").append(escape(tooltip)).append("</title></").append(element).append('>');
        }
    }

    private static void dash(StringBuilder svg, String dash) {
        if (dash != null) {
            svg.append(" stroke-dasharray=\"").append(dash).append('"');
        }
    }

    static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
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
