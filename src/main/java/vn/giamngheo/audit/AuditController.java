package vn.giamngheo.audit;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Administrators browse the audit log (page and API). */
@Controller
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/audit")
    String page(@RequestParam(defaultValue = "") String entity, @RequestParam(defaultValue = "") String entityId,
                @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "0") int page,
                Model model) {
        AuditLog.AuditQuery query = new AuditLog.AuditQuery(entity, entityId, username, page, 50);
        model.addAttribute("query", query);
        model.addAttribute("entries", log.search(query));
        return "audit/log";
    }

    @GetMapping("/api/v1/audit")
    @ResponseBody
    List<AuditEntry> api(@RequestParam(defaultValue = "") String entity, @RequestParam(defaultValue = "") String entityId,
                         @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "100") int size) {
        return log.search(new AuditLog.AuditQuery(entity, entityId, username, page, size));
    }
}
