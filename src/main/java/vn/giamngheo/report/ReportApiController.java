package vn.giamngheo.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.giamngheo.report.rules.ReportTable;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * The report set as JSON ({@code GET /api/v1/reports/{report}}: results, deprivations, causes, bands,
 * trends) or as a file ({@code ?format=xlsx|pdf|csv}), for a unit (default: the user's own) of the user's
 * area, a list year and a map ({@code boundaries=own|today}).
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportApiController {

    private final ReportService reports;
    private final ReportTables tables;
    private final ReportExports exports;

    ReportApiController(ReportService reports, ReportTables tables, ReportExports exports) {
        this.reports = reports;
        this.tables = tables;
        this.exports = exports;
    }

    record ReportJson(String report, Long unitId, String unitCode, String unitName, int year, String boundaries,
                      LocalDate listDate, LocalDate unitsDate, List<ReportTable> tables) {
    }

    record ApiError(int status, String error, String message) {
        static ResponseEntity<ApiError> of(HttpStatus status, String message) {
            return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message));
        }
    }

    @GetMapping("/{report}")
    ResponseEntity<?> report(@PathVariable String report, @RequestParam(required = false) Long unit,
                             @RequestParam(required = false) Integer year, @RequestParam(required = false) String boundaries,
                             @RequestParam(required = false) String format, Locale locale) {
        CurrentUser user = CurrentUsers.require();
        ReportKind kind = ReportKind.parse(report);
        ReportContext ctx = reports.context(unit, year, boundaries, user);
        if (format != null && !format.isBlank() && !"json".equalsIgnoreCase(format.strip())) {
            return exports.export(ctx, kind, format, locale);
        }
        ReportSet set = reports.compute(ctx, kind);
        return ResponseEntity.ok(new ReportJson(kind.code(), ctx.unitId(), ctx.national() ? "VN" : ctx.unit().code(),
                ctx.unitName(), ctx.year(), ctx.boundaries().code(), ctx.listDate(), ctx.unitsDate(),
                tables.tables(set, locale)));
    }

    @ExceptionHandler(InvalidReportException.class)
    ResponseEntity<ApiError> invalid(InvalidReportException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, "parameter " + e.getName() + " has a wrong value: " + e.getValue());
    }

    @ExceptionHandler(UnitNotInAreaException.class)
    ResponseEntity<ApiError> notFound(UnitNotInAreaException e) {
        return ApiError.of(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
