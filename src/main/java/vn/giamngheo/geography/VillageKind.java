package vn.giamngheo.geography;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The names a village (the level below the commune) goes by in different regions. */
public enum VillageKind {
    THON("thôn"), TO_DAN_PHO("tổ dân phố"), BAN("bản"), AP("ấp"), KHU_PHO("khu phố"), BUON("buôn"),
    PLEI("plei"), SOC("sóc"), KHOM("khóm"), XOM("xóm"), LANG("làng"), KHU("khu"), TO("tổ");

    private final String label;

    VillageKind(String label) {
        this.label = label;
    }

    /** The Vietnamese word, lower case, as stored in unit_type. */
    public String label() {
        return label;
    }

    /** Accepts the Vietnamese word (any case) or the constant's name. */
    public static Optional<VillageKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.label.equals(t) || k.name().toLowerCase(Locale.ROOT).equals(t))
                .findFirst();
    }

    /** "Thôn Đông" for thôn + "Đông"; a name that already starts with the kind ("Tổ dân phố 1") is kept. */
    String fullName(String name) {
        if (name.toLowerCase(Locale.ROOT).startsWith(label + " ")) {
            return name;
        }
        return label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1) + " " + name;
    }
}
