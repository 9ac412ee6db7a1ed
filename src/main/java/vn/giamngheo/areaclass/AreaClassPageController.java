package vn.giamngheo.areaclass;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.security.Role;

/**
 * Pages of the area classes: the catalogue with the number of units holding each class on a day and the
 * merged-commune rule, the units of one class, a unit's classes over time, and the import of an official list
 * (preview first, then confirm).
 */
@Controller
@RequestMapping("/area-classes")
class AreaClassPageController {

    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private final AreaClasses classes;
    private final AreaClassCatalogue catalogue;
    private final AreaClassImport importer;
    private final AreaUnits units;
    private final GeographyCatalog geography;

    AreaClassPageController(AreaClasses classes, AreaClassCatalogue catalogue, AreaClassImport importer,
                            AreaUnits units, GeographyCatalog geography) {
        this.classes = classes;
        this.catalogue = catalogue;
        this.importer = importer;
        this.units = units;
        this.geography = geography;
    }

    /** The catalogue, with how many communes and villages of the user's area hold each class on the day. */
    @GetMapping
    String overview(@RequestParam(required = false) String date, Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate day = date(date, model);
        Map<String, AreaClasses.Holders> counts = new LinkedHashMap<>();
        for (AreaClass c : classes.catalogue()) {
            counts.put(c.code(), classes.holders(c.code(), day, user.scope()));
        }
        model.addAttribute("classes", classes.catalogue());
        model.addAttribute("counts", counts);
        model.addAttribute("rule", classes.rule());
        model.addAttribute("rules", MergedCommuneRule.values());
        model.addAttribute("canImport", mayImport(user));
        return "areaclass/overview";
    }

    /** Adds a class (administrators). */
    @PostMapping("/classes")
    String add(@RequestParam String code, @RequestParam String appliesTo, @RequestParam String nameVi,
               @RequestParam String nameEn, @RequestParam String legalSource,
               @RequestParam(defaultValue = "100") int sortOrder, Model model) {
        try {
            catalogue.add(new AreaClass(code, appliesTo, nameVi, nameEn, legalSource, sortOrder), CurrentUsers.require());
        } catch (InvalidAreaClassException e) {
            model.addAttribute("classError", e);
            return overview(null, model);
        }
        return "redirect:/area-classes?added=" + code;
    }

    /** Sets the merged-commune rule from the version shown (administrators). */
    @PostMapping("/rule")
    String rule(@RequestParam String rule, @RequestParam String source, @RequestParam(required = false) Integer version,
                Model model) {
        try {
            catalogue.setRule(rule, source, version, CurrentUsers.require());
        } catch (InvalidAreaClassException e) {
            model.addAttribute("ruleError", e);
            return overview(null, model);
        }
        return "redirect:/area-classes?ruleSaved";
    }

    /** The units of the user's area holding one class on a day, named by a list or inherited. */
    @GetMapping("/{code}")
    String holders(@PathVariable String code, @RequestParam(required = false) String date, Model model) {
        CurrentUser user = CurrentUsers.require();
        AreaClass areaClass = classes.find(code)
                .orElseThrow(() -> new AreaClassNotFoundException());
        LocalDate day = date(date, model);
        var holders = classes.holderUnits(code, day, user.scope());
        model.addAttribute("areaClass", areaClass);
        model.addAttribute("holders", holders);
        model.addAttribute("communes", holders.stream().filter(h -> AdminUnit.COMMUNE.equals(h.level())).count());
        model.addAttribute("villages", holders.stream().filter(h -> AdminUnit.VILLAGE.equals(h.level())).count());
        model.addAttribute("inherited", holders.stream().filter(AreaClasses.HolderUnit::inherited).count());
        return "areaclass/holders";
    }

    /** A commune's or village's classes on a day with why, and every list that ever named it. */
    @GetMapping("/units/{id}")
    String unit(@PathVariable long id, @RequestParam(required = false) String date, Model model) {
        AdminUnit unit = units.resolve(id, CurrentUsers.require());
        LocalDate day = date(date, model);
        model.addAttribute("unit", unit);
        model.addAttribute("held", classes.held(id, day));
        model.addAttribute("rows", classes.rowsOf(id));
        model.addAttribute("catalogue", classes.catalogue().stream()
                .collect(java.util.stream.Collectors.toMap(AreaClass::code, c -> c)));
        model.addAttribute("predecessorRows", geography.predecessors(id).stream()
                .flatMap(s -> classes.rowsOf(s.unit().id()).stream()).toList());
        model.addAttribute("rule", classes.rule());
        return "areaclass/unit";
    }

    /** The import form. */
    @GetMapping("/import")
    String importForm(Model model) {
        requireImporter();
        model.addAttribute("columns", AreaClassImport.COLUMNS);
        model.addAttribute("classes", classes.catalogue());
        return "areaclass/import";
    }

    /** Reads a list and shows what would be stored (nothing is stored) or every problem with its line. */
    @PostMapping("/import")
    String preview(@RequestParam MultipartFile file, Model model) throws IOException {
        CurrentUser user = requireImporter();
        if (file.isEmpty() || file.getSize() > MAX_FILE_BYTES) {
            model.addAttribute("fileError", file.isEmpty() ? "areaclass.import.no-file" : "areaclass.import.too-large");
            return importForm(model);
        }
        byte[] content = file.getBytes();
        ImportResult result = importer.importList(file.getOriginalFilename(), content, true, user.scope(),
                user.getUsername());
        model.addAttribute("result", result);
        model.addAttribute("fileContent", Base64.getUrlEncoder().encodeToString(content));
        return importForm(model);
    }

    /** Stores the list shown in the preview (read and checked again; refused whole on any problem). */
    @PostMapping("/import/confirm")
    String confirm(@RequestParam String fileName, @RequestParam String content, Model model) {
        CurrentUser user = requireImporter();
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(content.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidAreaClassException("areaclass.import.no-file");
        }
        ImportResult result = importer.importList(fileName, bytes, false, user.scope(), user.getUsername());
        model.addAttribute("result", result);
        if (!result.stored()) {
            model.addAttribute("fileContent", Base64.getUrlEncoder().encodeToString(bytes));
        }
        return importForm(model);
    }

    static boolean mayImport(CurrentUser user) {
        return user.isAdmin() || user.role() == Role.PROVINCE_OFFICER;
    }

    private static CurrentUser requireImporter() {
        CurrentUser user = CurrentUsers.require();
        if (!mayImport(user)) {
            throw new AccessDeniedException("only administrators and province officers import area-class lists");
        }
        return user;
    }

    private LocalDate date(String text, Model model) {
        LocalDate day = geography.today();
        if (text != null && !text.isBlank()) {
            try {
                day = LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("dateError", text);
            }
        }
        model.addAttribute("date", day);
        return day;
    }

}
