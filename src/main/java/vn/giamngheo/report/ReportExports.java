package vn.giamngheo.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.document.DocumentLabels;
import vn.giamngheo.document.Signature;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.report.rules.Unit;

/** Computes a report and writes it as XLSX, PDF or CSV; every download is logged. */
@Component
class ReportExports {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ReportService reports;
    private final ReportTables tables;
    private final AuditLog audit;

    ReportExports(ReportService reports, ReportTables tables, AuditLog audit) {
        this.reports = reports;
        this.tables = tables;
        this.audit = audit;
    }

    ResponseEntity<byte[]> export(ReportContext ctx, ReportKind kind, String format, Locale locale) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("xlsx", "pdf", "csv", "docx").contains(f)) {
            throw new InvalidReportException("format must be xlsx, pdf, docx or csv, not '" + format + "'");
        }
        List<ReportTable> t = tables.tables(reports.compute(ctx, kind), locale);
        String place = ctx.national() ? "Hà Nội" : ctx.unitName();
        Signature signature = new Signature(List.of(tables.label("report.sign.title", locale)),
                tables.label("report.sign.note", locale), "");
        byte[] body;
        MediaType type;
        switch (f) {
            case "xlsx" -> {
                body = ReportFiles.xlsx(t, place, reports.today(), signature, locale);
                type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            case "pdf" -> {
                body = ReportFiles.pdf(t, issuer(ctx), place, reports.today(), signature, locale);
                type = MediaType.APPLICATION_PDF;
            }
            case "docx" -> {
                body = ReportDocx.write(t, issuer(ctx), place, reports.today(), signature, recipients(ctx, locale), locale);
                type = DOCX;
            }
            default -> {
                body = ReportFiles.csv(t, locale);
                type = new MediaType("text", "csv", StandardCharsets.UTF_8);
            }
        }
        audit.record("EXPORT", "report", kind.code() + "/" + (ctx.national() ? "VN" : ctx.unit().code()) + "/" + ctx.year()
                + "/" + ctx.boundaries().code(), ctx.provinceCode(), "report " + f.toUpperCase(Locale.ROOT));
        String name = "bao-cao-" + kind.code() + "-" + (ctx.national() ? "VN" : ctx.unit().code()) + "-" + ctx.year() + "." + f;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /** Recipients of the Word file: the level above the issuing body (for reporting), and the archive. */
    private static List<String> recipients(ReportContext ctx, Locale locale) {
        DocumentLabels labels = DocumentLabels.forLocale(locale);
        List<String> issuer = issuer(ctx);
        List<String> recipients = new ArrayList<>();
        if (issuer.size() > 1) {
            recipients.add(labels.get("document.recipients.report", issuer.get(0)));
        }
        recipients.add(labels.get("document.recipients.archive"));
        return recipients;
    }

    /** The issuing body: the units above the report's unit, the unit itself last. */
    private static List<String> issuer(ReportContext ctx) {
        List<String> lines = new ArrayList<>();
        if (ctx.national()) {
            lines.add("Bộ Nông nghiệp và Môi trường");
            return lines;
        }
        for (Unit u : ctx.trail()) {
            if (!Unit.VILLAGE.equals(u.level()) && !Unit.DISTRICT.equals(u.level())) {
                lines.add("UBND " + u.name());
            }
        }
        return lines.subList(Math.max(0, lines.size() - 2), lines.size());
    }
}
