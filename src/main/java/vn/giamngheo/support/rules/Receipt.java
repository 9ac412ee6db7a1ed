package vn.giamngheo.support.rules;

import java.time.LocalDate;

/** A benefit recorded for a household ({@code memberNo} null) or one of its members, on a date. */
public record Receipt(Integer memberNo, LocalDate date) {
}
