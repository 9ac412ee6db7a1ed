package vn.giamngheo.support;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.giamngheo.support.rules.CoveragePeriod;

/** The period of a coverage request: a date (from 1 January of its year), a year, or today. */
final class CoverageRequest {

    private CoverageRequest() {
    }

    static CoveragePeriod period(String date, String year, LocalDate today) {
        boolean hasDate = date != null && !date.isBlank();
        boolean hasYear = year != null && !year.isBlank();
        if (hasDate && hasYear) {
            throw new InvalidSupportRequestException("support.coverage.date-or-year", "give a date or a year, not both");
        }
        if (hasYear) {
            if (!year.trim().matches("20[0-9]{2}|2100")) {
                throw new InvalidSupportRequestException("support.coverage.bad-year",
                        "year '" + year + "' is not a year 2000–2100");
            }
            return CoveragePeriod.year(Integer.parseInt(year.trim()));
        }
        if (hasDate) {
            try {
                LocalDate d = LocalDate.parse(date.trim());
                if (d.getYear() < 2000 || d.getYear() > 2100) {
                    throw new DateTimeParseException("out of range", date, 0);
                }
                return CoveragePeriod.onDate(d);
            } catch (DateTimeParseException e) {
                throw new InvalidSupportRequestException("support.coverage.bad-date",
                        "date '" + date + "' is not a date YYYY-MM-DD between 2000 and 2100");
            }
        }
        return CoveragePeriod.onDate(today);
    }
}
