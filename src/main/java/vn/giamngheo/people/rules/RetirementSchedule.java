package vn.giamngheo.people.rules;

/**
 * The retirement age in months in a year under the Labour Code 2019 (art. 169; Decree 135/2020): the age of 2021,
 * raised by a step each year up to a highest age (parameters {@code people.retirement_male} and
 * {@code people.retirement_female}, written {@code base,step,max}: men {@code 723,3,744}, women {@code 664,4,720}).
 * Before 2021 the age of 2021 less one step (60 and 55 years under the Labour Code 2012).
 */
public record RetirementSchedule(int base, int step, int max) {

    public static final int FIRST_YEAR = 2021;

    public RetirementSchedule {
        if (base < 480 || base > 900 || step < 0 || step > 24 || max < base || max > 900) {
            throw new IllegalArgumentException("a retirement schedule is base,step,max in months (base 480–900, step 0–24, "
                    + "max from base to 900), not " + base + "," + step + "," + max);
        }
    }

    /** Parses {@code 723,3,744}. */
    public static RetirementSchedule parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a retirement schedule is three numbers base,step,max: '" + text + "'");
        }
        try {
            return new RetirementSchedule(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                    Integer.parseInt(parts[2].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a retirement schedule is three whole numbers: '" + text + "'", e);
        }
    }

    /** The retirement age in months in a year. */
    public int months(int year) {
        if (year < FIRST_YEAR) {
            return base - step;
        }
        return Math.min(max, base + step * (year - FIRST_YEAR));
    }
}
