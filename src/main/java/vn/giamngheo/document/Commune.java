package vn.giamngheo.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The commune that issues a document, with its full names as they are written ("Xã Nà Hẩu", "Huyện Mèo
 * Vạc", "Tỉnh Hà Giang"). {@code district} is null for communes after 1 July 2025, when districts were
 * abolished and communes report directly to the province.
 */
public record Commune(String commune, String district, String province) {

    public Commune {
        if (Text.isBlank(commune) || Text.isBlank(province)) {
            throw new IllegalArgumentException("a commune needs its name and its province");
        }
        commune = Text.nfc(commune).strip();
        district = Text.isBlank(district) ? null : Text.nfc(district).strip();
        province = Text.nfc(province).strip();
    }

    /** The heading's issuing-body lines: the level above ("UBND HUYỆN …" or "UBND TỈNH …"), then the commune. */
    List<String> issuerLines(DocumentLabels labels) {
        return List.of(labels.get("document.issuer", district == null ? province : district),
                labels.get("document.issuer", commune));
    }

    /** The commune's name inside a sentence: "Ủy ban nhân dân xã Nà Hẩu" (the unit's kind in lower case). */
    String inSentence() {
        int space = commune.indexOf(' ');
        if (space <= 0) {
            return commune;
        }
        return commune.substring(0, space).toLowerCase(Text.VIETNAMESE) + commune.substring(space);
    }

    /** "Thôn Nà Hẩu, Xã Nà Hẩu, Huyện Mèo Vạc, Tỉnh Hà Giang": the given parts, then the units. */
    String address(String... parts) {
        List<String> all = new ArrayList<>();
        for (String p : parts) {
            if (!Text.isBlank(p)) {
                all.add(Text.nfc(p).strip());
            }
        }
        all.add(commune);
        if (district != null) {
            all.add(district);
        }
        all.add(province);
        return String.join(", ", all);
    }
}
