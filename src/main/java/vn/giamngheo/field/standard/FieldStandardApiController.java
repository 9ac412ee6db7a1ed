package vn.giamngheo.field.standard;

import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import vn.giamngheo.security.CurrentUsers;

/** The poverty standards for the field app's classifier on the device (ADR 0012). */
@RestController
@RequestMapping("/api/v1/field/standards")
class FieldStandardApiController {

    private final FieldStandards standards;

    FieldStandardApiController(FieldStandards standards) {
        this.standards = standards;
    }

    /**
     * The latest version of a poverty standard as the device's classifier reads it: every parameter as the registry
     * holds it now, the code lists, and the explanation templates in Vietnamese and English with their number
     * conventions (exchange-format, "The poverty standard for the field app"). The {@code ETag} changes with the
     * version and the wording; a request with {@code If-None-Match} of the cached tag is answered 304 without a body.
     * National standards for everyone, a province's own standard only for users of that province (404 otherwise).
     *
     * @param code the standard's code, e.g. ND07_2021 (the round's {@code standardCode})
     * @param request the request, for its {@code If-None-Match}
     */
    @GetMapping("/{code}")
    ResponseEntity<FieldStandardDocument> standard(@PathVariable String code, WebRequest request) {
        FieldStandardDocument document = standards.latest(code, CurrentUsers.require());
        String etag = "\"" + document.etag() + "\"";
        // private: a provincial standard is seen only in its province; revalidated each time the device is online
        CacheControl cache = CacheControl.maxAge(0, TimeUnit.SECONDS).cachePrivate().mustRevalidate();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cache).body(document);
    }
}
