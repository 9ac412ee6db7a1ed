package vn.giamngheo.escape;

import java.time.LocalDate;
import java.util.List;

/**
 * A household's registration to escape poverty.
 *
 * @param listYear         the list year whose periodic decision shows whether it escaped (the review at the end of
 *                         a year decides the lists of the next year)
 * @param causes           the causes of poverty it must overcome (exchange-format cause codes)
 * @param expectedToEscape the commune's assessment: counted among the expected escapes of the plan
 */
record RegistrationForm(Long householdId, Integer listYear, LocalDate registeredOn, String goal, List<String> causes,
                        String supportRequested, Boolean expectedToEscape) {

    RegistrationForm {
        causes = causes == null ? List.of() : causes.stream().filter(c -> c != null && !c.isBlank()).map(String::trim).distinct().toList();
        goal = goal == null ? null : goal.trim();
        supportRequested = supportRequested == null || supportRequested.isBlank() ? null : supportRequested.trim();
    }
}
