package vn.giamngheo.table;

import java.util.Locale;

/** How serious a finding is (exchange-format §6). Only errors make a checker exit with status 1. */
public enum Severity {
    ERROR, WARNING, NOTE;

    /** The word written in the findings CSV: {@code error}, {@code warning} or {@code note}. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
