package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading back the workbooks the tests write, and the checks that keep Excel from offering a repair. */
final class Workbooks {

    private Workbooks() {
    }

    static XSSFWorkbook reopen(String name, byte[] bytes) throws IOException {
        Path file = Poppler.save(name, bytes);
        try {
            return new XSSFWorkbook(file.toFile());
        } catch (InvalidFormatException e) {
            throw new AssertionError(name + " does not open as XLSX", e);
        }
    }

    static List<String> merged(Sheet sheet) {
        return sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).toList();
    }

    /** Every merged region covers at least two cells and no two regions overlap. */
    static void assertMergesAreValid(Sheet sheet) {
        List<CellRangeAddress> regions = sheet.getMergedRegions();
        for (int i = 0; i < regions.size(); i++) {
            assertThat(regions.get(i).getNumberOfCells()).as(regions.get(i).formatAsString()).isGreaterThan(1);
            for (int j = i + 1; j < regions.size(); j++) {
                assertThat(regions.get(i).intersects(regions.get(j)))
                        .as("%s overlaps %s", regions.get(i).formatAsString(), regions.get(j).formatAsString()).isFalse();
            }
        }
    }
}
