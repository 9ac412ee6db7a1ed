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
import vn.giamngheo.document.Signature;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.report.rules.Unit;

/** Computes a report and writes it as XLSX, PDF or CSV; every download is logged. */
@Component
class ReportExports {

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
        if (!List.of("xlsx", "pdf", "csv").contains(f)) {
            throw new InvalidReportException("format must be xlsx, pdf or csv, not '" + format + "'");
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
