package vn.giamngheo.report.chart;

import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart laid out: its size, its title and description for screen readers, and the marks to draw in order. The
 * SVG and PNG writers draw exactly these marks, so what the layout tests measure is what readers see.
 */
public record Drawing(double width, double height, String title, String description, List<Mark> marks) {

    public Drawing {
        marks = List.copyOf(marks);
    }

    /** Something drawn. {@code tooltip}: a text shown on hover (SVG {@code <title>}), or null. */
    public sealed interface Mark permits Rect, Line, Path, Dot, Text {
    }

    /** A rectangle (a bar, a swatch, a no-data band). */
    public record Rect(double x, double y, double w, double h, String fill, String stroke, String tooltip) implements Mark {
    }

    /** A straight line (axis, grid line, legend sample); {@code dash} null for a solid line. */
    public record Line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash)
            implements Mark {
    }

    /** A polyline through points; a null point breaks the line (a year without data). */
    public record Path(List<double[]> points, String stroke, double strokeWidth, String dash) implements Mark {
        public Path {
            points = java.util.Collections.unmodifiableList(new ArrayList<>(points));
        }
    }

    /** A marker at a point: a circle or a square. */
    public record Dot(double x, double y, boolean square, String fill, String tooltip) implements Mark {
    }

    public enum Anchor { START, MIDDLE, END }

    /** A text at a baseline point, anchored at its start, middle or end, rotated by {@code rotate} degrees around it. */
    public record Text(double x, double y, String text, double size, boolean bold, Anchor anchor, double rotate,
                       String fill, String tooltip) implements Mark {

        /** The box the text covers, from the font's metrics (after rotation: the box around the rotated box). */
        public Rectangle2D box() {
            double w = TextMetrics.width(text, size, bold);
            double left = switch (anchor) {
                case START -> x;
                case MIDDLE -> x - w / 2;
                case END -> x - w;
            };
            Rectangle2D.Double plain = new Rectangle2D.Double(left, y - TextMetrics.ascent(size), w,
                    TextMetrics.height(size));
            return rotate == 0 ? plain
                    : AffineTransform.getRotateInstance(Math.toRadians(rotate), x, y).createTransformedShape(plain)
                    .getBounds2D();
        }
    }

    /** The texts of the drawing. */
    public List<Text> texts() {
        return marks.stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
    }

    /** Pairs of texts whose boxes intersect (a layout rule: none). */
    public List<String> overlaps() {
        List<Text> texts = texts();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Rectangle2D a = texts.get(i).box();
            for (int j = i + 1; j < texts.size(); j++) {
                Rectangle2D b = texts.get(j).box();
                if (a.intersects(b)) {
                    found.add("'" + texts.get(i).text() + "' " + a + " × '" + texts.get(j).text() + "' " + b);
                }
            }
        }
        return found;
    }

    /** Texts that do not fit inside the drawing. */
    public List<String> outside() {
        Rectangle2D frame = new Rectangle2D.Double(0, 0, width, height);
        return texts().stream().filter(t -> !frame.contains(t.box())).map(t -> t.text() + " " + t.box()).toList();
    }
}
