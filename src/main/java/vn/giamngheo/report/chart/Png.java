package vn.giamngheo.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A drawing painted with Java2D into a PNG, at twice its size (sharp on screens and in documents); no browser needed. */
public final class Png {

    public static final int SCALE = 2;

    private Png() {
    }

    public static byte[] of(Drawing d) {
        BufferedImage image = image(d);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage image(Drawing d) {
        int w = (int) Math.ceil(d.width() * SCALE);
        int h = (int) Math.ceil(d.height() * SCALE);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(SCALE, SCALE);
            for (Drawing.Mark m : d.marks()) {
                paint(g, m);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void paint(Graphics2D g, Drawing.Mark m) {
        if (m instanceof Drawing.Rect r) {
            Rectangle2D shape = new Rectangle2D.Double(r.x(), r.y(), r.w(), r.h());
            g.setColor(Color.decode(r.fill()));
            g.fill(shape);
            if (r.stroke() != null) {
                g.setStroke(new BasicStroke(1f));
                g.setColor(Color.decode(r.stroke()));
                g.draw(shape);
            }
        } else if (m instanceof Drawing.Line l) {
            g.setStroke(stroke(l.strokeWidth(), l.dash()));
            g.setColor(Color.decode(l.stroke()));
            g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
        } else if (m instanceof Drawing.Path p) {
            Path2D.Double path = new Path2D.Double();
            boolean pen = false;
            for (double[] pt : p.points()) {
                if (pt == null) {
                    pen = false;
                } else if (pen) {
                    path.lineTo(pt[0], pt[1]);
                } else {
                    path.moveTo(pt[0], pt[1]);
                    pen = true;
                }
            }
            g.setStroke(stroke(p.strokeWidth(), p.dash()));
            g.setColor(Color.decode(p.stroke()));
            g.draw(path);
        } else if (m instanceof Drawing.Dot dot) {
            java.awt.Shape shape = dot.square() ? new Rectangle2D.Double(dot.x() - 4, dot.y() - 4, 8, 8)
                    : new Ellipse2D.Double(dot.x() - 4.5, dot.y() - 4.5, 9, 9);
            g.setColor(Color.decode(dot.fill()));
            g.fill(shape);
            g.setStroke(new BasicStroke(1f));
            g.setColor(Color.WHITE);
            g.draw(shape);
        } else if (m instanceof Drawing.Text t) {
            g.setFont(TextMetrics.font(t.size(), t.bold()));
            g.setColor(Color.decode(t.fill()));
            double w = TextMetrics.width(t.text(), t.size(), t.bold()) / TextMetrics.MARGIN;
            double x = switch (t.anchor()) {
                case START -> t.x();
                case MIDDLE -> t.x() - w / 2;
                case END -> t.x() - w;
            };
            AffineTransform saved = g.getTransform();
            if (t.rotate() != 0) {
                g.rotate(Math.toRadians(t.rotate()), t.x(), t.y());
            }
            g.drawString(t.text(), (float) x, (float) t.y());
            g.setTransform(saved);
        }
    }

    private static BasicStroke stroke(double width, String dash) {
        if (dash == null) {
            return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        }
        String[] parts = dash.trim().split("\\s+");
        float[] pattern = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            pattern[i] = Float.parseFloat(parts[i]);
        }
        return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }
}
