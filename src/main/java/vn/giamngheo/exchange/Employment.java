package vn.giamngheo.exchange;

/** A member's current employment situation. */
public enum Employment implements Coded {
    WAGE_WITH_CONTRACT, WAGE_NO_CONTRACT, SELF_EMPLOYED, UNEMPLOYED, STUDENT, NOT_WORKING
}
