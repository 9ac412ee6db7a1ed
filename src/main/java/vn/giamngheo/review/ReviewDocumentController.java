package vn.giamngheo.review;

import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.giamngheo.security.CurrentUsers;

/** Downloads of the review's documents: meeting minutes, the decision's annex, certificates (PDF, and DOCX to edit). */
@Controller
@RequestMapping("/reviews/{id}")
class ReviewDocumentController {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ReviewDocuments documents;

    ReviewDocumentController(ReviewDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/meetings/{meetingId}/minutes.pdf")
    ResponseEntity<byte[]> minutes(@PathVariable long id, @PathVariable long meetingId, Locale locale) {
        return file(documents.minutes(id, meetingId, CurrentUsers.require(), locale), PDF,
                "bien-ban-hop-thon-" + meetingId + ".pdf");
    }

    @GetMapping("/annex.pdf")
    ResponseEntity<byte[]> annexPdf(@PathVariable long id, Locale locale) {
        return file(documents.annexPdf(id, CurrentUsers.require(), locale), PDF, "phu-luc-quyet-dinh-" + id + ".pdf");
    }

    @GetMapping("/annex.xlsx")
    ResponseEntity<byte[]> annexXlsx(@PathVariable long id, Locale locale) {
        return file(documents.annexXlsx(id, CurrentUsers.require(), locale), XLSX, "phu-luc-quyet-dinh-" + id + ".xlsx");
    }

    @GetMapping("/certificates.pdf")
    ResponseEntity<byte[]> certificates(@PathVariable long id, Locale locale) {
        return file(documents.certificates(id, null, CurrentUsers.require(), locale), PDF, "giay-chung-nhan-" + id + ".pdf");
    }

    @GetMapping("/households/{householdId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long id, @PathVariable long householdId, Locale locale) {
        return file(documents.certificates(id, householdId, CurrentUsers.require(), locale), PDF,
                "giay-chung-nhan-" + id + "-" + householdId + ".pdf");
    }

    @GetMapping("/meetings/{meetingId}/minutes.docx")
    ResponseEntity<byte[]> minutesDocx(@PathVariable long id, @PathVariable long meetingId, Locale locale) {
        return file(documents.minutesDocx(id, meetingId, CurrentUsers.require(), locale), DOCX,
                "bien-ban-hop-thon-" + meetingId + ".docx");
    }

    @GetMapping("/annex.docx")
    ResponseEntity<byte[]> annexDocx(@PathVariable long id, Locale locale) {
        return file(documents.annexDocx(id, CurrentUsers.require(), locale), DOCX, "phu-luc-quyet-dinh-" + id + ".docx");
    }

    @GetMapping("/certificates.docx")
    ResponseEntity<byte[]> certificatesDocx(@PathVariable long id, Locale locale) {
        return file(documents.certificatesDocx(id, null, CurrentUsers.require(), locale), DOCX,
                "giay-chung-nhan-" + id + ".docx");
    }

    @GetMapping("/households/{householdId}/certificate.docx")
    ResponseEntity<byte[]> certificateDocx(@PathVariable long id, @PathVariable long householdId, Locale locale) {
        return file(documents.certificatesDocx(id, householdId, CurrentUsers.require(), locale), DOCX,
                "giay-chung-nhan-" + id + "-" + householdId + ".docx");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
