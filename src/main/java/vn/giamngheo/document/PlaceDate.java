package vn.giamngheo.document;

import java.time.LocalDate;

/**
 * The place and date line ("Xã Nà Hẩu, ngày 05 tháng 02 năm 2026"). Decree 30/2020 annex I: a day below
 * 10 and the months 1 and 2 are written with a leading zero. Without a date the line is left to be filled
 * in by hand.
 */
final class PlaceDate {

    private static final String BLANK = "…";

    private PlaceDate() {
    }

    static String line(DocumentLabels labels, String place, LocalDate date) {
        if (date == null) {
            return labels.get("document.place-date", Text.nfc(place), BLANK, BLANK, BLANK);
        }
        return labels.get("document.place-date", Text.nfc(place), day(date), month(date), String.valueOf(date.getYear()));
    }

    /** "20/12/2026": the short form used inside sentences ("Quyết định số … ngày 20/12/2026"). */
    static String shortDate(LocalDate date) {
        if (date == null) {
            return BLANK;
        }
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    static String day(LocalDate date) {
        return String.format("%02d", date.getDayOfMonth());
    }

    static String month(LocalDate date) {
        int month = date.getMonthValue();
        return month <= 2 ? String.format("%02d", month) : String.valueOf(month);
    }
}
