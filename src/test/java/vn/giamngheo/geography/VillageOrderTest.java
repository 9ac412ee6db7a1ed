package vn.giamngheo.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VillageOrderTest {

    @ParameterizedTest(name = "{0} before {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Tổ dân phố 2    | Tổ dân phố 10
            Tổ dân phố 9    | Tổ dân phố 10
            Thôn 3          | Thôn 3A
            Thôn 3A         | Thôn 4
            Thôn 03         | Thôn 4
            Ấp 1            | Bản Phố
            Bản Phố         | Đông Anh
            Đông Anh        | Đồng Tâm
            Đồng Tâm        | Thôn 1
            Khu 2 tổ 9      | Khu 2 tổ 10
            Khu 2           | Khu 10 tổ 1
            thôn 1          | Thôn 2
            Xóm 99999999999999999999 | Xóm 100000000000000000000
            """)
    void theFirstComesBeforeTheSecond(String first, String second) {
        assertThat(VillageOrder.INSTANCE.compare(first, second)).isNegative();
        assertThat(VillageOrder.INSTANCE.compare(second, first)).isPositive();
        assertThat(VillageOrder.INSTANCE.compare(first, first)).isZero();
    }

    @org.junit.jupiter.api.Test
    void aCommunesVillagesSortAsOfficialsListThem() {
        List<String> names = new ArrayList<>(List.of("Tổ dân phố 10", "Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 20",
                "Tổ dân phố 11", "Tổ dân phố 3"));
        names.sort(VillageOrder.INSTANCE);
        assertThat(names).containsExactly("Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3", "Tổ dân phố 10",
                "Tổ dân phố 11", "Tổ dân phố 20");
    }
}
