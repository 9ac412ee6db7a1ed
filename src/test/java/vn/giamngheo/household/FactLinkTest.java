package vn.giamngheo.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The anchor convention of the household edit form, which the review round page links to. */
class FactLinkTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "17, null, telephone_use,            /households/17/edit#fact-telephone_use",
            "17, null, waste_treatment,          /households/17/edit#fact-waste_treatment",
            "5,  2,    school_level_appropriate, /households/5/edit#member-2-school_level_appropriate",
            "5,  12,   malnourished,             /households/5/edit#member-12-malnourished",
            "5,  3,    null,                     /households/5/edit#member-3",
    })
    void linksToTheFieldOfTheFact(long household, Integer member, String key, String expected) {
        assertThat(FactLink.editUrl(household, member, key)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, null",
            "null, telephoneUse",
            "null, 'fact-x'",
            "0,    malnourished",
            "1,    'a b'",
    })
    void refusesWhatIsNotAFact(Integer member, String key) {
        assertThatThrownBy(() -> FactLink.editUrl(1, member, key)).isInstanceOf(IllegalArgumentException.class);
    }
}
