package vn.giamngheo.household;

/**
 * Told, inside the saving transaction, that a household was created or changed (for example to keep its
 * classification fresh).
 */
public interface HouseholdChangeListener {
    void householdChanged(Household household);
}
