package vn.giamngheo.household.importing;

import java.util.Locale;
import java.util.Optional;

/**
 * How a pair of files is imported: {@code mode} add (new households only, a registered code is refused) or
 * update (registered households of the user's area matched by household code, members by member number), and
 * whether villages the commune does not have yet are created ({@code createVillages}) or refused with the
 * closest names.
 */
public record ImportOptions(Mode mode, boolean createVillages) {

    /** Add new households (the default, the import as it always was), or update registered ones. */
    public enum Mode {
        ADD, UPDATE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode named {@code add} or {@code update} (any case), if it is one. */
        public static Optional<Mode> parse(String text) {
            if (text == null || text.isBlank()) {
                return Optional.of(ADD);
            }
            for (Mode m : values()) {
                if (m.code().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    public ImportOptions {
        mode = mode == null ? Mode.ADD : mode;
    }

    /** New households only; unknown villages refused. */
    public static ImportOptions add() {
        return new ImportOptions(Mode.ADD, false);
    }

    public ImportOptions withCreateVillages(boolean create) {
        return new ImportOptions(mode, create);
    }

    public boolean update() {
        return mode == Mode.UPDATE;
    }
}
