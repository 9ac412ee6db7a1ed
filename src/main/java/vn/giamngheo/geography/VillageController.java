package vn.giamngheo.geography;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * Users create the villages (thôn, tổ dân phố, bản, ấp…) of the communes in their area. The new unit is
 * audited by the database like every change.
 */
@Controller
class VillageController {

    private final GeographyCatalog catalog;

    VillageController(GeographyCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping("/units/{communeId}/villages")
    String create(@PathVariable long communeId, @RequestParam String name, @RequestParam String kind,
                  RedirectAttributes redirect) {
        allowed(communeId);
        try {
            AdminUnit village = catalog.createVillage(communeId, name, kind);
            redirect.addFlashAttribute("villageCreated", village.fullName());
        } catch (InvalidVillageException e) {
            redirect.addFlashAttribute("villageError", "geography.village.error." + e.reason());
        }
        return "redirect:/units/" + communeId;
    }

    /**
     * Creates a village (thôn, bản, tổ dân phố…) in a commune of the caller's area.
     * @param communeId id of the commune
     * @param request the village's name and kind
     */
    @PostMapping("/api/v1/units/{communeId}/villages")
    @ResponseBody
    ResponseEntity<?> createApi(@PathVariable long communeId, @RequestBody VillageRequest request) {
        allowed(communeId);
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(catalog.createVillage(communeId, request.name(), request.kind()));
        } catch (InvalidVillageException e) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "error", e.reason(), "message", e.getMessage()));
        }
    }

    /** Only editors whose area holds the commune may add its villages. */
    private void allowed(long communeId) {
        CurrentUser user = CurrentUsers.requireEditor();
        AdminUnit commune = catalog.unit(communeId).orElseThrow(() -> new AccessDeniedException("no such commune"));
        if (!user.scope().contains(commune.path())) {
            throw new AccessDeniedException("commune " + commune.code() + " is outside the user's area");
        }
    }

    record VillageRequest(String name, String kind) {
    }
}
