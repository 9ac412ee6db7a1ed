package vn.giamngheo.household;

/** No household with that id in the user's area (the same answer whether it exists elsewhere or not). */
public class HouseholdNotFoundException extends RuntimeException {
    public HouseholdNotFoundException(long id) {
        super("household " + id + " not found");
    }
}
