package vn.giamngheo.programme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.table.Table;
import vn.giamngheo.table.TableReader;
import vn.giamngheo.security.CurrentUser;

/** What the programme's pages and API share: the units to choose from, uploaded tables, file downloads. */
@Component
public class ProgrammeWeb {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final GeographyCatalog geography;
    private final ProgrammeUnits units;
    private final AuditLog audit;

    ProgrammeWeb(GeographyCatalog geography, ProgrammeUnits units, AuditLog audit) {
        this.geography = geography;
        this.units = units;
        this.audit = audit;
    }

    /** The unit a page shows when none is asked for: the user's own, or (national users) none. */
    public Long defaultUnit(CurrentUser user, Long asked) {
        return asked != null ? asked : user.scope().unitId();
    }

    /** The units a user can pick: their own unit and those directly below it, or every province. */
    public List<AdminUnit> choices(CurrentUser user) {
        List<AdminUnit> list = new ArrayList<>();
        if (user.scope().national()) {
            list.addAll(geography.unitsOn(geography.today(), AdminUnit.PROVINCE, null));
            return list;
        }
        geography.unit(user.scope().unitId()).ifPresent(list::add);
        geography.children(user.scope().unitId(), geography.today()).stream()
                .filter(u -> !AdminUnit.VILLAGE.equals(u.level())).forEach(list::add);
        return list;
    }

    /** Reads an uploaded CSV or XLSX budget table; an unreadable file is a problem at line 0. */
    public static Table readUpload(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "budget.csv" : file.getOriginalFilename();
        String suffix = name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? ".xlsx" : ".csv";
        Path temp = null;
        try {
            temp = Files.createTempFile("budget-", suffix);
            file.transferTo(temp);
            Table t = TableReader.read(temp);
            return new Table(name, t.columns(), t.rows());
        } catch (TableReader.UnreadableTableException e) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("file", "programme.import.unreadable", name));
        } catch (IOException e) {
            throw new InvalidProgrammeException(ProgrammeProblem.of("file", "programme.import.unreadable", name));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed by the system
                }
            }
        }
    }

    /** A download, recorded in the audit log. */
    public ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName, String entity, Long unitId) {
        String province = unitId == null ? null : units.find(unitId).map(ProgrammeUnits.Unit::provinceCode).orElse(null);
        audit.record("EXPORT", entity, unitId == null ? null : String.valueOf(unitId), province, fileName);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
