package vn.giamngheo.review.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundStateTest {

    @ParameterizedTest(name = "{0} → {1}: forward {2}, back {3}")
    @CsvSource({
            "preparing, collecting, true, false",
            "preparing, meetings, false, false",
            "preparing, decided, false, false",
            "collecting, meetings, true, false",
            "collecting, posted, false, false",
            "collecting, preparing, false, false",
            "meetings, posted, true, false",
            "meetings, collecting, false, true",
            "meetings, decided, false, false",
            "posted, decided, true, false",
            "posted, meetings, false, true",
            "posted, collecting, false, true",
            "posted, preparing, false, false",
            "decided, collecting, false, false",
            "decided, posted, false, false",
            "collecting, collecting, false, false",
    })
    void movesGoOneStepForwardOrBackWithAReason(String from, String to, boolean forward, boolean back) {
        RoundState f = RoundState.of(from);
        RoundState t = RoundState.of(to);
        assertThat(f.canAdvanceTo(t)).isEqualTo(forward);
        assertThat(f.canSendBackTo(t)).isEqualTo(back);
    }

    @ParameterizedTest
    @CsvSource({"preparing, collecting", "collecting, meetings", "meetings, posted", "posted, decided"})
    void eachStateHasOneNext(String from, String next) {
        assertThat(RoundState.of(from).next()).isEqualTo(RoundState.of(next));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"posted, POSTED", "POSTED, POSTED", "' decided ', DECIDED"})
    void codesNameTheStates(String code, RoundState state) {
        assertThat(RoundState.of(code)).isEqualTo(state);
    }

    @ParameterizedTest(name = "\"{0}\" names no state")
    @org.junit.jupiter.params.provider.NullAndEmptySource
    @org.junit.jupiter.params.provider.ValueSource(strings = {"approved", "bogus", "collect"})
    void anUnknownCodeIsRefusedWithTheCodesThatExist(String code) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RoundState.of(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown round state")
                .hasMessageContaining("[preparing, collecting, meetings, posted, decided]");
    }
}
