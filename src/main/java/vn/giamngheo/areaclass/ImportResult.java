package vn.giamngheo.areaclass;

import java.util.List;

/**
 * What an import of a list did or would do: the rows read, or the problems that refuse the whole file. Nothing is
 * stored when there is a problem or when it was a dry run ({@code importId} null).
 *
 * @param importId the stored import, null for a dry run or a refused file
 */
public record ImportResult(String file, boolean dryRun, List<ImportedRow> rows, List<ImportProblem> problems,
                           Long importId) {

    public ImportResult {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return problems.isEmpty();
    }

    public boolean stored() {
        return importId != null;
    }

    /** How many rows name old units (before the 2025 reform). */
    public long oldUnits() {
        return rows.stream().filter(ImportedRow::unitEnded).count();
    }
}
