package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The column positions answer by the literal (by reference) and by any equal name, as the map they copy. */
class ColumnIndexTest {

    @Test
    void answersByTheLiteralAndByAnEqualName() {
        Map<String, Integer> byName = Map.of(new String("household_code"), 2, new String("full_name"), 5);
        ColumnIndex index = new ColumnIndex(byName);
        assertThat(index.get("household_code")).isEqualTo(2);
        assertThat(index.get(new StringBuilder("full").append("_name").toString())).isEqualTo(5);
        assertThat(index.get("village")).isNull();
        assertThat(index.containsKey("full_name")).isTrue();
        assertThat(index.containsKey(new String("household_code"))).isTrue();
        assertThat(index.containsKey("address")).isFalse();
        assertThat(index).isEqualTo(byName).hasSize(2);
    }
}
