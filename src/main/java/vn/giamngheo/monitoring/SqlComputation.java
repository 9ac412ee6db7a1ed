package vn.giamngheo.monitoring;

import java.time.LocalDate;
import java.util.Optional;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.programme.ProgrammeUnits;

/**
 * A computation that is one query returning {@code part} and {@code whole} (see {@link ComputationQueries}):
 * a share of part in whole, or the count {@code part}.
 */
record SqlComputation(String name, String sql, boolean share, ComputationQueries queries) implements IndicatorComputation {

    @Override
    public Optional<IndicatorValue> compute(ProgrammeUnits.Unit unit, LocalDate from, LocalDate to, int year) {
        return Optional.of(queries.run(sql, share, unit, from, to, year));
    }
}
