package vn.giamngheo.review.rules;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * The states of a review round, in order: preparing (the committee lists the households), collecting
 * (reviewers collect and classify), meetings (village meetings), posted (public posting and complaints),
 * decided (the commune chair's decision; the lists are locked).
 */
@NamedInterface("rounds")
public enum RoundState {
    PREPARING, COLLECTING, MEETINGS, POSTED, DECIDED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a code that names no state (or none), saying which codes exist */
    public static RoundState of(String code) {
        for (RoundState state : values()) {
            if (code != null && state.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown round state '" + code + "': expected one of "
                + java.util.Arrays.stream(values()).map(RoundState::code).toList());
    }

    /** The one state a round moves forward to, or null for a decided round. */
    public RoundState next() {
        return this == DECIDED ? null : values()[ordinal() + 1];
    }

    /** Forward moves go one step at a time: no state may be skipped. */
    public boolean canAdvanceTo(RoundState target) {
        return target != null && target == next();
    }

    /**
     * A round can be sent back (with a reason) to an earlier working state; a decided round only comes back
     * when a higher level returns its result, and nothing goes back to preparing once collection started.
     */
    public boolean canSendBackTo(RoundState target) {
        return this != DECIDED && this != PREPARING && target != null && target != PREPARING
                && target.ordinal() < ordinal();
    }
}
