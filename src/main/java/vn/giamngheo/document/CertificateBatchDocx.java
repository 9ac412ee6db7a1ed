package vn.giamngheo.document;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A round's certificates as one Word file without building each certificate with XMLBeans (issue 26 point 5: 3,300
 * certificates cost 12.5 s of CPU that way, nearly all of it XMLBeans building and saving 22 KB of XML a certificate).
 *
 * <p>For each layout of certificate (its list, commune, number of members and of stamp years) one certificate is
 * written with Apache POI exactly as {@link CertificateDocx#renderEach} writes it, but with a placeholder in place of
 * each text that changes from household to household; its {@code word/document.xml} is cut at the placeholders once.
 * The file's {@code word/document.xml} is then streamed: for each household its template's XML with the household's
 * texts put in, escaped as XMLBeans escapes them (the same {@code <w:t>} element, with {@code xml:space="preserve"}
 * when the text starts or ends with white space, none for an empty text), the certificates separated by the
 * paragraph carrying the section break that {@link OfficialDocx#nextDocument()} writes. Every other part of the
 * package (styles, page-number headers, properties, relationships) is copied from the template's file.
 *
 * <p>A certificate whose members' table would get other column widths than its template (a word too long for its
 * column) is written alone with Apache POI and its body put in the stream, so that the file is always the one POI
 * would write: {@code CertificateBatchDocxTest} compares the two, element for element and text for text.
 */
final class CertificateBatchDocx {

    private static final String DOCUMENT = "word/document.xml";
    private static final String BODY = "<w:body>";
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    /**
     * A placeholder is a text of its own run: private-use characters around the slot number, spaced so that the
     * longest-word estimate of the table widths sees short words (the template's columns get the widths of their
     * headers, as a certificate of ordinary names does).
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("<w:t>" + OPEN + " (\\d+) " + CLOSE + "</w:t>");

    private CertificateBatchDocx() {
    }

    static byte[] render(List<Certificate> certificates, Locale locale) {
        return new Writer(locale).write(certificates);
    }

    /** One batch: the templates by layout, the package's other parts, the stream. */
    private static final class Writer {

        private final Locale locale;
        private final OfficialDocx measure;
        private final Map<Layout, Template> templates = new HashMap<>();
        /** The package of the first template: every part but the document, in POI's order. */
        private Map<String, byte[]> parts;
        private String head;
        private String tail;
        private byte[] separator;

        Writer(Locale locale) {
            this.locale = locale;
            this.measure = CertificateDocx.create(locale);
        }

        byte[] write(List<Certificate> certificates) {
            List<byte[][]> bodies = new ArrayList<>(certificates.size());
            List<Template> used = new ArrayList<>(certificates.size());
            for (Certificate c : certificates) {
                CertificateDocx.Texts texts = CertificateDocx.Texts.of(c, measure.labels(), measure.formats());
                Template template = template(c, texts);
                if (template != null && Arrays.equals(template.widths, widths(c, texts))) {
                    used.add(template);
                    bodies.add(template.fill(texts.slots()));
                } else {
                    used.add(null);
                    bodies.add(new byte[][] {alone(c)});
                }
            }
            if (parts == null) {
                // no template could be made: the package of the first certificate written alone
                Package first = Package.read(CertificateDocx.renderEach(List.of(certificates.get(0)), locale));
                adopt(first);
            }
            try (ByteArrayOutputStream file = new ByteArrayOutputStream(certificates.size() * 600);
                    ZipOutputStream zip = new ZipOutputStream(file)) {
                zip.setLevel(Deflater.DEFAULT_COMPRESSION);
                for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                    zip.putNextEntry(new ZipEntry(part.getKey()));
                    if (part.getKey().equals(DOCUMENT)) {
                        OutputStream out = new BufferedOutputStream(new NonClosing(zip), 1 << 16);
                        out.write(bytes(head));
                        for (int i = 0; i < bodies.size(); i++) {
                            if (i > 0) {
                                out.write(separator);
                            }
                            for (byte[] piece : bodies.get(i)) {
                                out.write(piece);
                            }
                        }
                        out.write(bytes(tail));
                        out.flush();
                    } else {
                        zip.write(part.getValue());
                    }
                    zip.closeEntry();
                }
                zip.finish();
                return file.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The template of the certificate's layout, written once; null if it cannot be cut at its placeholders. */
        private Template template(Certificate c, CertificateDocx.Texts texts) {
            Layout layout = new Layout(c.list(), c.commune(), c.members().size(), c.stampYears().size(),
                    Text.isBlank(texts.numberLine()) && Text.isBlank(texts.placeDate()), Text.isBlank(texts.year()));
            if (templates.containsKey(layout)) {
                return templates.get(layout);
            }
            CertificateDocx.Texts placeholders = texts.placeholders(i -> OPEN + " " + i + " " + CLOSE);
            OfficialDocx docx = CertificateDocx.create(locale);
            CertificateDocx.write(docx, c, placeholders);
            Package written = Package.read(docx.finish());
            Template template = Template.cut(written, texts.slots().size(),
                    docx.columnWidths(memberColumns(), placeholders.members(), CertificateDocx.memberSize(c)));
            if (template != null && parts == null) {
                adopt(written);
            }
            if (template != null && !written.head().equals(head)) {
                template = null;
            }
            templates.put(layout, template);
            return template;
        }

        private void adopt(Package written) {
            parts = written.parts();
            head = written.head();
            tail = written.tail();
            separator = bytes("<w:p><w:pPr>" + written.section() + "</w:pPr></w:p>");
        }

        private int[] widths(Certificate c, CertificateDocx.Texts texts) {
            return measure.columnWidths(memberColumns(), texts.members(), CertificateDocx.memberSize(c));
        }

        private List<DocxColumn> memberColumns() {
            return CertificateDocx.memberColumns(measure.labels());
        }

        /** The body of a certificate written alone with Apache POI (its layout differs from its template's). */
        private byte[] alone(Certificate c) {
            Package written = Package.read(CertificateDocx.renderEach(List.of(c), locale));
            if (parts == null) {
                adopt(written);
            }
            if (!written.head().equals(head)) {
                throw new IllegalStateException("certificates with different document roots in one batch");
            }
            return bytes(written.body());
        }
    }

    /** What decides a certificate's XML apart from its texts. */
    private record Layout(HouseholdList list, Commune commune, int members, int stamps, boolean noNumberLine,
            boolean noYear) {
    }

    /**
     * A written DOCX: its parts in order, and its document cut into what comes before the body's content, the
     * content, the body's closing section properties and what follows them.
     */
    private record Package(Map<String, byte[]> parts, String head, String body, String section, String tail) {

        static Package read(byte[] docx) {
            Map<String, byte[]> parts = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    parts.put(e.getName(), zip.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String xml = new String(parts.get(DOCUMENT), StandardCharsets.UTF_8);
            int body = xml.indexOf(BODY) + BODY.length();
            int section = xml.lastIndexOf("<w:sectPr");
            int end = xml.indexOf("</w:body>", section);
            if (body < BODY.length() || section < body || end < 0) {
                throw new IllegalStateException("unexpected document.xml written by Apache POI");
            }
            return new Package(parts, xml.substring(0, body), xml.substring(body, section), xml.substring(section, end),
                    xml.substring(section));
        }
    }

    /** One layout's body XML cut at its placeholders: {@code pieces[0]}, slot, {@code pieces[1]}, slot, … */
    private record Template(byte[][] pieces, int[] slots, int[] widths) {

        /** Null when the placeholders are not each the whole text of one run, once each. */
        static Template cut(Package written, int count, int[] widths) {
            String body = written.body();
            List<byte[]> pieces = new ArrayList<>();
            int[] slots = new int[count];
            boolean[] seen = new boolean[count];
            Matcher m = PLACEHOLDER.matcher(body);
            int from = 0;
            int found = 0;
            while (m.find()) {
                int slot = Integer.parseInt(m.group(1));
                if (slot >= count || seen[slot]) {
                    return null;
                }
                seen[slot] = true;
                pieces.add(bytes(body.substring(from, m.start())));
                slots[found++] = slot;
                from = m.end();
            }
            pieces.add(bytes(body.substring(from)));
            if (found != count) {
                return null;
            }
            for (byte[] piece : pieces) {
                if (new String(piece, StandardCharsets.UTF_8).indexOf(OPEN) >= 0) {
                    return null;
                }
            }
            return new Template(pieces.toArray(byte[][]::new), slots, widths);
        }

        /** The certificate's body: the pieces with each slot's text as a run text element. */
        byte[][] fill(List<String> texts) {
            byte[][] out = new byte[pieces.length * 2 - 1][];
            StringBuilder text = new StringBuilder(64);
            for (int i = 0; i < pieces.length; i++) {
                out[2 * i] = pieces[i];
                if (i < slots.length) {
                    text.setLength(0);
                    element(texts.get(slots[i]), text);
                    out[2 * i + 1] = bytes(text.toString());
                }
            }
            return out;
        }
    }

    /**
     * A run's text as Apache POI writes it ({@code XWPFRun.setText}): nothing for an empty text; {@code <w:t>} with
     * {@code xml:space="preserve"} when the text starts or ends with white space; the characters XML cannot carry
     * (control characters, lone surrogates, U+FFFE, U+FFFF) as {@code ?}, as XMLBeans writes them.
     */
    static void element(String text, StringBuilder out) {
        if (text.isEmpty()) {
            return;
        }
        boolean preserve = Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1));
        out.append(preserve ? "<w:t xml:space=\"preserve\">" : "<w:t>");
        escape(text, out);
        out.append("</w:t>");
    }

    /** XML character data: {@code &}, {@code <}, {@code >} after {@code ]]} and CR as references, as XMLBeans does. */
    static void escape(String text, StringBuilder out) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '&') {
                out.append("&amp;");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append(i >= 2 && text.charAt(i - 1) == ']' && text.charAt(i - 2) == ']' ? "&gt;" : ">");
            } else if (c == '\r') {
                out.append("&#13;");
            } else if (c < 0x20 && c != '\t' && c != '\n' || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append('?');
            } else {
                out.append(c);
            }
        }
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The zip's entry is closed by the writer, not by the buffer in front of it. */
    private static final class NonClosing extends java.io.FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
