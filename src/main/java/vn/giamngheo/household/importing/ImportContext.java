package vn.giamngheo.household.importing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.giamngheo.household.CommuneRef;
import vn.giamngheo.security.AccessScope;

/**
 * What the validators of one import may read: the files' names (for the problems they report), the import
 * date, the importing user's area and the communes in use on that date (each code looked up once).
 */
public final class ImportContext {

    private final String householdsName;
    private final String membersName;
    private final LocalDate today;
    private final AccessScope scope;
    private final Function<String, Optional<CommuneRef>> lookup;
    private final Map<String, Optional<CommuneRef>> resolved = new HashMap<>();

    public ImportContext(String householdsName, String membersName, LocalDate today, AccessScope scope,
                         Function<String, Optional<CommuneRef>> communes) {
        this.householdsName = householdsName;
        this.membersName = membersName;
        this.today = today;
        this.scope = scope;
        this.lookup = communes;
    }

    public String householdsName() {
        return householdsName;
    }

    public String membersName() {
        return membersName;
    }

    public LocalDate today() {
        return today;
    }

    public AccessScope scope() {
        return scope;
    }

    /** The commune in use on the import date with this code, if any (looked up once per code). */
    public Optional<CommuneRef> commune(String code) {
        return resolved.computeIfAbsent(code, lookup);
    }

    /** The commune of a code already known to be valid and inside the area (after validation). */
    CommuneRef communeOf(String code) {
        return commune(code).orElseThrow(() -> new IllegalStateException("commune " + code + " was not validated"));
    }
}
