package vn.giamngheo.monitoring;

import java.time.LocalDate;
import java.util.Optional;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.programme.ProgrammeUnits;

/**
 * A named computation of an indicator from the register, the lists, the support records, the budget or any other
 * module's data (a Spring bean: a module that keeps a register, e.g. credit or labour export, declares its own and
 * it is offered in the indicator form without touching monitoring). An indicator names the computation that
 * obtains it ({@code monitoring_indicator.computation}) or that checks its entered figure ({@code
 * check_computation}).
 */
public interface IndicatorComputation {

    /** The name indicators refer to: lower case, letters, digits and underscores, unique among the beans. */
    String name();

    /**
     * The value for the unit's whole subtree over the data period {@code from}–{@code to} (statuses as of {@code
     * to}, events dated within it) and the budget {@code year}; empty when it cannot be computed there.
     */
    Optional<IndicatorValue> compute(ProgrammeUnits.Unit unit, LocalDate from, LocalDate to, int year);
}
