package vn.giamngheo.field.standard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.standard.StandardAdministration;
import vn.giamngheo.standard.StandardVersion;
import vn.giamngheo.standard.StoredStandard;

/**
 * The standards of the field app: the latest version of a standard the user may see (national ones for everyone,
 * a province's own only in that province, as {@link StandardAdministration#visible} decides), as a
 * {@link FieldStandardDocument}. Versions are never changed once stored, so each document is built once per
 * version and kept.
 */
@Service
public class FieldStandards {

    private final StandardAdministration administration;
    private final Map<Long, FieldStandardDocument> built = new ConcurrentHashMap<>();

    FieldStandards(StandardAdministration administration) {
        this.administration = administration;
    }

    /**
     * The latest version of the standard {@code code} as the field app reads it.
     *
     * @throws vn.giamngheo.standard.StandardNotFoundException (404) for an unknown code or one the user may not see
     */
    public FieldStandardDocument latest(String code, CurrentUser user) {
        StoredStandard stored = administration.visible(code, user);
        StandardVersion v = stored.version();
        return built.computeIfAbsent(v.id(), id -> FieldStandardDocument.of(new FieldStandardDocument.Identity(v.code(),
                v.version(), v.name(), v.kind(), v.provinceCode(), v.validFrom(), v.validTo()), stored.standard()));
    }
}
