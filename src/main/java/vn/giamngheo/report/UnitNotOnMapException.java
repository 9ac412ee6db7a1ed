package vn.giamngheo.report;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.giamngheo.format.Formats;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;
import vn.giamngheo.report.rules.Unit;

/**
 * A report asked on a map its unit is not on, said in words: a unit formed after the year of its own boundaries
 * ({@link ErrorCode#REPORT_UNIT_NOT_YET}: "Xã X chưa được thành lập năm 2024; năm đó thuộc …"), or a unit that
 * ended before the date of the map ({@link ErrorCode#REPORT_UNIT_ENDED}: "… nay thuộc …"). The units named are
 * those of the asked map, so that the reader can choose one of them.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class UnitNotOnMapException extends RuntimeException implements ErrorCoded {

    private final ErrorCode code;
    private final Object[] args;

    private UnitNotOnMapException(ErrorCode code, String message, Object... args) {
        super(message);
        this.code = code;
        this.args = args;
    }

    /** The unit began after the year's map; {@code then}: the units of that map it belonged to. */
    static UnitNotOnMapException notYet(Unit unit, int year, List<Unit> then) {
        String names = names(then);
        return new UnitNotOnMapException(ErrorCode.REPORT_UNIT_NOT_YET,
                unit.name() + " did not exist yet in " + year + "; that year it was part of " + names,
                unit.name(), String.valueOf(year), names);
    }

    /** The unit ended before the map's date; {@code now}: the units of that map it became. */
    static UnitNotOnMapException ended(Unit unit, java.time.LocalDate date, List<Unit> now) {
        String names = names(now);
        String end = unit.validTo() == null ? "" : Formats.vietnamese().date(unit.validTo());
        return new UnitNotOnMapException(ErrorCode.REPORT_UNIT_ENDED,
                unit.name() + " ended on " + end + ", before the map of " + date + "; it became " + names,
                unit.name(), end, names, Formats.vietnamese().date(date));
    }

    private static String names(List<Unit> units) {
        return units.isEmpty() ? "—" : units.stream().map(Unit::name).collect(Collectors.joining(", "));
    }

    @Override
    public ErrorCode errorCode() {
        return code;
    }

    @Override
    public Object[] errorArgs() {
        return args.clone();
    }

    @Override
    public String errorMessage() {
        return null;   // the catalogue's sentence in the reader's language, with the names
    }
}
