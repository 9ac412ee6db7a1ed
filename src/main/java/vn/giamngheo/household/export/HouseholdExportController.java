package vn.giamngheo.household.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.household.CommuneRef;
import vn.giamngheo.household.Communes;
import vn.giamngheo.household.ExchangeMapping;
import vn.giamngheo.household.HouseholdNotFoundException;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.FieldProblem;
import vn.giamngheo.household.InvalidHouseholdException;

/**
 * Exports a commune's households in the exchange format (exchange-format §1) as a ZIP holding
 * {@code households} and {@code members} (CSV or XLSX), with codes (default) or with Vietnamese column titles
 * and labels ({@code labels=vi}, exchange-format §1.1). Only communes inside the user's area; identity
 * numbers masked for roles that do not need them; every export of personal data is audited.
 */
@Controller
class HouseholdExportController {

    private final HouseholdRegistry registry;
    private final Communes communes;
    private final AuditLog audit;

    HouseholdExportController(HouseholdRegistry registry, Communes communes, AuditLog audit) {
        this.registry = registry;
        this.communes = communes;
        this.audit = audit;
    }

    /**
     * The households and members of a commune as the exchange format's files (audited as an export of personal data).
     * CSV gives a ZIP of the two files, XLSX one workbook with two sheets; identity numbers are masked for the roles that
     * may not see them.
     * @param communeId id of a commune of the caller's area
     * @param format csv (default) or xlsx
     */
    @GetMapping({"/households/export", "/api/v1/households/export"})
    void export(@RequestParam long communeId, @RequestParam(defaultValue = "csv") String format,
                @RequestParam(defaultValue = CODES) String labels, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        boolean vietnamese = vietnameseLabels(labels);
        CommuneRef commune = communes.byId(communeId).filter(c -> user.scope().contains(c.path()))
                .orElseThrow(() -> new HouseholdNotFoundException(communeId));
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        List<HouseholdData> data = registry.exportCommune(communeId, user).stream()
                .map(h -> ExchangeMapping.toData(h.visibleTo(user.seesIdentityNumbers()))).toList();
        HouseholdFileWriter writer = vietnamese ? HouseholdFileWriter.withVietnameseLabels() : new HouseholdFileWriter();
        ByteArrayOutputStream households = new ByteArrayOutputStream();
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        if (xlsx) {
            writer.writeHouseholdsXlsx(data, households);
            writer.writeMembersXlsx(data, members);
        } else {
            writer.writeHouseholdsCsv(data, households);
            writer.writeMembersCsv(data, members);
        }
        audit.record("EXPORT", "household", null, commune.provinceCode(),
                data.size() + " households of commune " + commune.code() + " as " + (xlsx ? "XLSX" : "CSV")
                        + (vietnamese ? " with Vietnamese labels" : ""));
        String ext = xlsx ? ".xlsx" : ".csv";
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"ho-gia-dinh-" + commune.code() + ".zip\"");
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
            zip.putNextEntry(new ZipEntry("households" + ext));
            households.writeTo(zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("members" + ext));
            members.writeTo(zip);
            zip.closeEntry();
        }
    }

    /** {@code labels=codes} (the default): codes for machines; {@code labels=vi}: Vietnamese labels for people. */
    static final String CODES = "codes";
    static final String VIETNAMESE = "vi";

    static boolean vietnameseLabels(String labels) {
        if (CODES.equalsIgnoreCase(labels.trim())) {
            return false;
        }
        if (VIETNAMESE.equalsIgnoreCase(labels.trim())) {
            return true;
        }
        throw new InvalidHouseholdException(List.of(new FieldProblem("labels", "validation.code-list",
                List.of(labels, CODES + ", " + VIETNAMESE), labels)));
    }
}
