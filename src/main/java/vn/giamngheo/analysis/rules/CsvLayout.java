package vn.giamngheo.analysis.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which columns of a unit-level CSV file hold what. Column names are matched exactly against the header.
 *
 * @param idColumn         unit identifier; absent → the line number is the id
 * @param weightColumn     sampling weight; absent → every unit weighs 1
 * @param subgroupColumns  subgroup variable name → column
 * @param indicatorColumns indicator name → column holding 1 (deprived), 0 (not deprived) or a missing value
 */
public record CsvLayout(Optional<String> idColumn, Optional<String> weightColumn, Map<String, String> subgroupColumns,
                        Map<String, String> indicatorColumns) {

    public CsvLayout {
        subgroupColumns = Collections.unmodifiableMap(new LinkedHashMap<>(subgroupColumns));
        indicatorColumns = Collections.unmodifiableMap(new LinkedHashMap<>(indicatorColumns));
        if (indicatorColumns.isEmpty()) {
            throw new IllegalArgumentException("a CSV layout needs at least one indicator column");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String idColumn;
        private String weightColumn;
        private final Map<String, String> subgroupColumns = new LinkedHashMap<>();
        private final Map<String, String> indicatorColumns = new LinkedHashMap<>();

        public Builder id(String column) {
            this.idColumn = column;
            return this;
        }

        public Builder weight(String column) {
            this.weightColumn = column;
            return this;
        }

        /** A subgroup variable read from the column of the same name. */
        public Builder subgroup(String column) {
            return subgroup(column, column);
        }

        public Builder subgroup(String variable, String column) {
            subgroupColumns.put(variable, column);
            return this;
        }

        /** Indicators read from the columns of the same names. */
        public Builder indicators(List<String> columns) {
            columns.forEach(column -> indicator(column, column));
            return this;
        }

        public Builder indicator(String name, String column) {
            indicatorColumns.put(name, column);
            return this;
        }

        public CsvLayout build() {
            return new CsvLayout(Optional.ofNullable(idColumn), Optional.ofNullable(weightColumn), subgroupColumns,
                    indicatorColumns);
        }
    }
}
