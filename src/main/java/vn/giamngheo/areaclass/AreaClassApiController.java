package vn.giamngheo.areaclass;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** REST API of the area classes: the catalogue, the holders of a class, a unit's classes, the import of a list. */
@RestController
@RequestMapping("/api/v1/area-classes")
class AreaClassApiController {

    private final AreaClasses classes;
    private final AreaClassImport importer;
    private final AreaUnits units;
    private final GeographyCatalog geography;

    AreaClassApiController(AreaClasses classes, AreaClassImport importer, AreaUnits units, GeographyCatalog geography) {
        this.classes = classes;
        this.importer = importer;
        this.units = units;
        this.geography = geography;
    }

    /** The catalogue of area classes with their legal sources, and the merged-commune rule in force. */
    @GetMapping
    Map<String, Object> catalogue() {
        CurrentUsers.require();
        RuleSetting rule = classes.rule();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("classes", classes.catalogue());
        body.put("rule", Map.of("rule", rule.rule().code(), "source", rule.source(), "version", rule.version()));
        return body;
    }

    /**
     * The communes and villages of the caller's area that hold a class on a day, named by a list or inherited.
     *
     * @param code the class code, e.g. {@code poor_commune}
     * @param date the day, ISO yyyy-MM-dd (default: today)
     */
    @GetMapping("/{code}/units")
    Map<String, Object> holders(@PathVariable String code, @RequestParam(required = false) String date) {
        CurrentUser user = CurrentUsers.require();
        classes.find(code).orElseThrow(() -> new AreaClassNotFoundException());
        LocalDate day = day(date);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("class", code);
        body.put("date", day);
        body.put("units", classes.holderUnits(code, day, user.scope()));
        return body;
    }

    /**
     * A commune's or village's classes on a day, each with why (the list naming it, or the rule and its
     * predecessors), and every list row that ever named it.
     *
     * @param id   the unit's id (in the caller's area)
     * @param date the day, ISO yyyy-MM-dd (default: today)
     */
    @GetMapping("/units/{id}")
    Map<String, Object> unit(@PathVariable long id, @RequestParam(required = false) String date) {
        AdminUnit unit = units.resolve(id, CurrentUsers.require());
        LocalDate day = day(date);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", Map.of("id", unit.id(), "code", unit.code(), "name", unit.fullName(), "level", unit.level()));
        body.put("date", day);
        body.put("classes", classes.held(id, day).stream().map(h -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("class", h.areaClass().code());
            item.put("inherited", h.inherited());
            item.put("rule", h.rule() == null ? null : h.rule().code());
            item.put("rows", h.rows());
            item.put("predecessors", h.predecessors());
            item.put("decisive", h.decisive() == null ? null : h.decisive().code());
            item.put("byHouseholds", h.byHouseholds());
            return item;
        }).toList());
        body.put("history", classes.rowsOf(id));
        return body;
    }

    /**
     * Imports an official list of area classes (CSV or XLSX), all or nothing: 201 with the rows stored, 200 with the
     * rows that would be stored on a dry run, 400 with every problem (file, line, field) when refused.
     *
     * @param file   the list, columns unit_code, class, decision, decision_date, valid_from, valid_to
     * @param dryRun true to check and preview only (nothing stored)
     */
    @PostMapping("/imports")
    ResponseEntity<ImportResult> importList(@RequestParam MultipartFile file,
                                            @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        CurrentUser user = CurrentUsers.require();
        if (!AreaClassPageController.mayImport(user)) {
            throw new AccessDeniedException("only administrators and province officers import area-class lists");
        }
        if (file.isEmpty() || file.getSize() > AreaClassPageController.MAX_FILE_BYTES) {
            throw new InvalidAreaClassException(file.isEmpty() ? "areaclass.import.no-file" : "areaclass.import.too-large");
        }
        ImportResult result = importer.importList(file.getOriginalFilename(), file.getBytes(), dryRun, user.scope(),
                user.getUsername());
        if (!result.accepted()) {
            throw new ImportRefusedException(result);
        }
        return ResponseEntity.status(result.stored() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    private LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return geography.today();
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidAreaClassException("areaclass.error.date", text);
        }
    }

}
