package vn.giamngheo.household.export;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import vn.giamngheo.exchange.HouseholdTemplate;
import vn.giamngheo.security.CurrentUsers;

/**
 * The XLSX template to fill for a household import (exchange-format §1.1), for the import page and the API:
 * Vietnamese column titles, drop-down lists, date checks and instructions in the reader's language. It holds no
 * data, so any signed-in user may download it.
 */
@Controller
class ImportTemplateController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MessageSource messages;

    ImportTemplateController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping({"/imports/template.xlsx", "/api/v1/imports/template.xlsx"})
    ResponseEntity<byte[]> template(Locale locale) {
        CurrentUsers.require();
        byte[] workbook = HouseholdTemplate.workbook(key -> messages.getMessage(key, null, key, locale));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-nhap-ho-gia-dinh.xlsx\"")
                .body(workbook);
    }
}
