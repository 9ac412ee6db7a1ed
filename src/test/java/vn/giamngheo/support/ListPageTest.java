package vn.giamngheo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ListPageTest {

    @ParameterizedTest(name = "{0} rows, page {1} of size {2}: page {3} of {4}, rows {5}–{6}")
    @CsvSource(nullValues = "null", value = {
            // rows, requested, size, number, pages, first, last, previous, next
            "0,    null, 100, 1,  1, 0,    0,    false, false",
            "0,    3,    100, 1,  1, 0,    0,    false, false",
            "1,    null, 100, 1,  1, 1,    1,    false, false",
            "100,  1,    100, 1,  1, 1,    100,  false, false",
            "101,  1,    100, 1,  2, 1,    100,  false, true",
            "101,  2,    100, 2,  2, 101,  101,  true,  false",
            "3456, 35,   100, 35, 35, 3401, 3456, true, false",
            "3456, 36,   100, 35, 35, 3401, 3456, true, false",
            "3456, 0,    100, 1,  35, 1,    100,  false, true",
            "3456, -7,   100, 1,  35, 1,    100,  false, true",
            "3456, 12,   100, 12, 35, 1101, 1200, true,  true",
            "10,   2,    3,   2,  4, 4,    6,    true,  true"})
    void pagesTheList(int rows, Integer requested, int size, int number, int pages, int first, int last,
                      boolean previous, boolean next) {
        List<Integer> all = IntStream.rangeClosed(1, rows).boxed().toList();
        ListPage<Integer> page = ListPage.of(all, requested, size);
        assertThat(page.number()).isEqualTo(number);
        assertThat(page.pages()).isEqualTo(pages);
        assertThat(page.total()).isEqualTo(rows);
        assertThat(page.first()).isEqualTo(first);
        assertThat(page.last()).isEqualTo(last);
        assertThat(page.hasPrevious()).isEqualTo(previous);
        assertThat(page.hasNext()).isEqualTo(next);
        // the rows are the list's own, in order: the positions first..last
        assertThat(page.rows()).containsExactlyElementsOf(first == 0 ? List.of()
                : IntStream.rangeClosed(first, last).boxed().toList());
    }

    @Test
    void refusesAPageOfNoRows() {
        assertThatThrownBy(() -> ListPage.of(List.of(1), 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
