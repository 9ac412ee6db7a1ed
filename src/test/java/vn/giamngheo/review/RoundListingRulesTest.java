package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.standard.rules.MissingFactException;

/** The rules of the round page that need no database: links to a missing fact, and the filter from the request. */
class RoundListingRulesTest {

    @ParameterizedTest(name = "{0}/{1}/{2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "12, null, waste_treatment, /households/12/edit#fact-waste_treatment",
            "12, 3, malnourished, /households/12/edit#member-3-malnourished",
            "9000000001, 10, school_level_appropriate, /households/9000000001/edit#member-10-school_level_appropriate",
            "5, null, area, /households/5/edit#fact-area",
    })
    void theLinkToAMissingFactPointsAtItsFieldOnTheHouseholdForm(long id, Integer member, String key, String url) {
        assertThat(BlockedHousehold.editUrl(id, member, key)).isEqualTo(url);
        assertThat(new BlockedHousehold(id, "H", "N", null, key, member).factUrl()).isEqualTo(url);
    }

    @ParameterizedTest(name = "{0} of member {1}")
    @CsvSource(nullValues = "null", value = {
            "malnourished, 3",
            "school_level_appropriate, 12",
            "telephone_use, null",
            "area, null",
    })
    void theMemberOfAMissingFactIsTheClassifiers(String field, Integer member) {
        assertThat(BlockedHousehold.memberOf(new MissingFactException("H-1", field, member, "detail"))).isEqualTo(member);
    }

    @ParameterizedTest(name = "{0},{1},{2},{3},{4} page {5} -> {6}")
    @CsvSource(nullValues = "null", value = {
            "null, null, null, null, null, 1, ''",
            "null, null, null, null, null, 3, ?page=3",
            "42, yes, poor, into_poor, no, 2, ?village=42&collected=yes&result=poor&change=into_poor&complaint=no&page=2",
            "none, no, null, null, null, 1, ?village=none&collected=no",
            // unknown values switch the filter off rather than failing
            "abc, maybe, rich, sideways, perhaps, 1, ''",
            "'1 OR 1=1', null, none, pending, yes, 1, ?result=none&change=pending&complaint=yes",
    })
    void theFilterKeepsKnownValuesOnlyAndWritesThemBackForThePager(String village, String collected, String status,
                                                                  String change, String complaint, int page, String query) {
        RoundListing.Filter f = RoundListing.Filter.of(village, collected, status, change, complaint);
        assertThat(f.query(page)).isEqualTo(query);
        assertThat(f.any()).isEqualTo(!query.isEmpty() && !query.equals("?page=" + page));
    }

    @ParameterizedTest(name = "{0} households, page {1}: rows {2}–{3} of {4} pages")
    @CsvSource({
            "0, 1, 0, 0, 1",
            "50, 1, 1, 50, 1",
            "51, 2, 51, 51, 2",
            "10000, 200, 9951, 10000, 200",
            "10000, 7, 301, 350, 200",
    })
    void aPageKnowsItsFirstAndLastRow(long matching, int number, long first, long last, int pages) {
        RoundListing.Page p = new RoundListing.Page(java.util.List.of(), matching, number,
                (int) Math.max(1, (matching + RoundListing.PAGE_SIZE - 1) / RoundListing.PAGE_SIZE));
        assertThat(p.first()).isEqualTo(first);
        assertThat(p.last()).isEqualTo(last);
        assertThat(p.pages()).isEqualTo(pages);
        assertThat(p.hasNext()).isEqualTo(number < pages);
        assertThat(p.hasPrevious()).isEqualTo(number > 1);
    }

    @ParameterizedTest(name = "{0} -> {1} (poor before: {2}, near-poor before: {3}) = {4}")
    @CsvSource(nullValues = "null", value = {
            "poor, poor, false, false, null",
            "poor, near_poor, false, false, ESCAPED_POOR",
            "poor, not_poor, true, false, ESCAPED_POOR",
            "poor, average, false, false, ESCAPED_POOR",
            "near_poor, near_poor, false, false, null",
            "near_poor, not_poor, false, true, ESCAPED_NEAR_POOR",
            "near_poor, average, false, false, ESCAPED_NEAR_POOR",
            "near_poor, poor, false, false, NEWLY_POOR",
            "near_poor, poor, true, false, RE_POOR",
            "null, poor, false, false, NEWLY_POOR",
            "not_poor, poor, true, false, RE_POOR",
            "null, near_poor, false, false, NEWLY_NEAR_POOR",
            "not_poor, near_poor, false, true, RE_NEAR_POOR",
            "average, near_poor, true, false, NEWLY_NEAR_POOR",
            "not_poor, not_poor, true, true, null",
            "null, average, false, false, null",
    })
    void theChangeAgainstTheStatusBeforeTheRound(String previous, String status, boolean wasPoor, boolean wasNearPoor,
                                                 String change) {
        RoundSummaries.Change c = RoundSummaries.change(previous, status, wasPoor, wasNearPoor);
        assertThat(c == null ? null : c.name()).isEqualTo(change);
    }
}
