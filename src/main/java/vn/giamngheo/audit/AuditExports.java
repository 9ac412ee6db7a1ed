package vn.giamngheo.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.giamngheo.document.WorkbookBuilder;
import vn.giamngheo.format.Formats;

/**
 * The audit log and the log of reads as files, with the filters of their pages: XLSX through
 * {@link WorkbookBuilder} (headers in the reader's language, moments as dd/MM/yyyy HH:mm) and CSV (UTF-8 with a
 * byte-order mark, machine moments ISO 8601 and values as stored, as every CSV of the application). One row per changed field, so that a
 * spreadsheet filters by field; identity numbers masked as on the page.
 */
@Component
class AuditExports {

    /** At most this many entries in one file (a file is for a period or a unit, not the whole log). */
    static final int MAX_ROWS = 20_000;

    private static final java.util.regex.Pattern WHOLE_NUMBER = java.util.regex.Pattern.compile("[1-9]\\d{0,14}");

    enum Format {
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("csv", "text/csv;charset=UTF-8");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        String extension() {
            return extension;
        }

        String mediaType() {
            return mediaType;
        }

        static Format parse(String text) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format must be xlsx or csv, not '" + text + "'");
        }
    }

    private final MessageSource messages;

    AuditExports(MessageSource messages) {
        this.messages = messages;
    }

    byte[] log(List<AuditWords.Line> lines, Format format, Locale locale) {
        List<String> header = List.of(t("audit.at", locale), t("audit.username", locale), t("audit.action", locale),
                t("audit.entity", locale), t("audit.record", locale), t("audit.field", locale), t("audit.before", locale),
                t("audit.after", locale), t("audit.detail", locale));
        Formats formats = Formats.of(locale);
        List<List<String>> rows = new ArrayList<>();
        for (AuditWords.Line l : lines) {
            String at = format == Format.CSV ? l.at().toString() : formats.dateTime(l.at());
            String who = l.user().equals(l.username()) ? l.user() : l.user() + " (" + l.username() + ")";
            if (l.changes().isEmpty()) {
                rows.add(List.of(at, who, l.action(), l.table(), l.record(), "", "", "", l.detail()));
            }
            for (AuditWords.Change c : l.changes()) {
                boolean csv = format == Format.CSV;
                rows.add(List.of(at, who, l.action(), l.table(), l.record(), c.field(), csv ? c.machineFrom() : c.from(),
                        csv ? c.machineTo() : c.to(), l.detail()));
            }
        }
        return write(t("audit.title", locale), header, rows, format);
    }

    byte[] reads(List<PersonalDataReads.Read> reads, Map<String, String> names, Format format, Locale locale) {
        List<String> header = List.of(t("audit.at", locale), t("audit.username", locale), t("audit.reads.role", locale),
                t("audit.reads.route", locale), t("audit.reads.household", locale), t("audit.reads.round", locale));
        Formats formats = Formats.of(locale);
        List<List<String>> rows = new ArrayList<>();
        for (PersonalDataReads.Read r : reads) {
            String name = names.getOrDefault(r.username(), r.username());
            rows.add(List.of(format == Format.CSV ? r.at().toString() : formats.dateTime(r.at()),
                    name.equals(r.username()) ? name : name + " (" + r.username() + ")",
                    r.role() == null ? "" : messages.getMessage("role." + r.role(), null, r.role(), locale),
                    r.path(),
                    r.householdId() == null ? "" : names.getOrDefault("h" + r.householdId(), "#" + r.householdId()),
                    r.roundId() == null ? "" : String.valueOf(r.roundId())));
        }
        return write(t("audit.reads.title", locale), header, rows, format);
    }

    private static byte[] write(String title, List<String> header, List<List<String>> rows, Format format) {
        if (format == Format.CSV) {
            StringWriter out = new StringWriter();
            out.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
                for (List<String> row : rows) {
                    csv.printRecord(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
        try (WorkbookBuilder book = WorkbookBuilder.streaming(200)) {
            WorkbookBuilder.SheetBuilder sheet = book.sheet(title.length() > 31 ? title.substring(0, 31) : title);
            sheet.title(title);
            int headerRow = sheet.rowIndex();
            sheet.header(header);
            for (List<String> row : rows) {
                WorkbookBuilder.RowBuilder r = sheet.row();
                for (String cell : row) {
                    if (WHOLE_NUMBER.matcher(cell).matches()) {   // a round's number: a number cell, not text
                        r.number(Long.parseLong(cell));
                    } else {
                        r.text(cell);
                    }
                }
            }
            sheet.widths(header.size(), c -> c == 0 ? 18 : 24).freeze(0, headerRow + 1);
            return book.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
