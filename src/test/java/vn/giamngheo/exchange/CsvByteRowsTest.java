package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The bulk import's CSV rows read from the bytes ({@link CsvByteRows}) are the rows commons-csv reads (the reader they
 * replace, and the one of every other import): the same cells and first lines, for hand-written cases and for
 * thousands of random files of quotes, commas, line breaks, white space and Vietnamese text, read whole and a few bytes
 * at a time; a file commons-csv refuses is refused too.
 */
class CsvByteRowsTest {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrim(false).get();

    /** "line:cell|cell" per row, or "error" after the rows read before it. */
    private static List<String> commons(byte[] bytes) {
        List<String> rows = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), decoder));
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVParser parser = FORMAT.parse(reader);
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                rows.add(line + ":" + String.join("|", records.next().toList()));
            }
        } catch (IOException | RuntimeException e) {
            rows.add("error");
        }
        return rows;
    }

    private static List<String> bytes(InputStream in) {
        List<String> rows = new ArrayList<>();
        try (CsvByteRows csv = new CsvByteRows(in)) {
            for (List<String> cells = csv.next(); cells != null; cells = csv.next()) {
                rows.add(csv.line() + ":" + String.join("|", cells));
            }
        } catch (IOException e) {
            rows.add("error");
        }
        return rows;
    }

    /** A stream that hands out at most {@code chunk} bytes per read: cells and line breaks cut at every place. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static void same(byte[] bytes) {
        List<String> expected = commons(bytes);
        assertThat(bytes(new ByteArrayInputStream(bytes))).as(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(expected);
        for (int chunk : new int[] {1, 2, 3, 7}) {
            assertThat(bytes(trickle(bytes, chunk))).as("%d bytes a read: %s", chunk,
                    new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "a", "a\n", "a\r\n", "a\r", "a,b,c\n1,2,3\n", "a,\n", "a,", ",", ",,\n,", "\n", "\n\n\na\n\n",
            "\r\n\r\n", "\r\r\n\n", "a,b\r\nc,d", "\"a\",\"b\"\n", "\"a,b\",c\n", "\"a\"\"b\"\n", "\"\"\n", "\"\"",
            "\"\",\"\"", "\"a\nb\",c\nd,e\n", "\"a\r\nb\",c\r\nd\r\n", "\"a\rb\"\rc\r", "\"a\"   ,b\n", "\"a\"\t\n",
            "\"a\" \r\nb", "a\"b,c\n", " \"a\",b\n", "a \" b\n", "\"a\"x,b\n", "\"a\" x\n", "\"abc", "a,\"b\nc",
            "\"a\"\u2003,b\n", "\"a\"\u00a0,b\n", "\uFEFFa,b\n", "\uFEFF", "\uFEFF\"x\"\n",
            "written \uFFFD,\"\uFFFD\"\n", "Nguyễn Thị Hằng,Đặng\n\"Lê, Văn\",ăâêôơư\n", "mã,\"Hộ \"\"nghèo\"\"\"\n"})
    void readsTheRowsCommonsCsvReads(String text) {
        same(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheRowsCommonsCsvReadsInRandomFiles() {
        String[] pieces = {",", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\t", "a", "bc", "12", "Hằng", "Đặng", "ư",
                "\u2003", "\u00a0", "x y", "\uFFFD"};
        Random random = new Random(26);
        for (int file = 0; file < 3000; file++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            same(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void refusesInvalidUtf8WhereverCommonsCsvRefusesIt() {
        Random random = new Random(7);
        for (int file = 0; file < 2000; file++) {
            byte[] bytes = ("a,\"Hằng\"\nĐặng,x\r\n\"b\nc\",ư\n" + "q".repeat(random.nextInt(3)))
                    .getBytes(StandardCharsets.UTF_8);
            for (int k = random.nextInt(3); k >= 0; k--) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
            }
            boolean refused = commons(bytes).contains("error");
            assertThat(bytes(new ByteArrayInputStream(bytes)).contains("error")).as("%s", Arrays.toString(bytes))
                    .isEqualTo(refused);
            if (!refused) {
                same(bytes);
            }
        }
    }

    @Test
    void refusesTextThatIsNotUtf8AtTheLineOfItsRow() throws IOException {
        byte[] bytes = {'a', ',', 'b', '\n', 'c', ',', (byte) 0xC3, '\n', 'd', '\n'};
        assertThat(commons(bytes)).endsWith("error");
        try (CsvByteRows csv = new CsvByteRows(new ByteArrayInputStream(bytes))) {
            assertThat(csv.next()).containsExactly("a", "b");
            assertThatThrownBy(csv::next).isInstanceOf(CsvByteRows.NotUtf8Exception.class);
            assertThat(csv.line()).isEqualTo(2);
        }
    }

    @Test
    void refusesARowLongerThanTheLimitInsteadOfHoldingIt() throws IOException {
        byte[] open = ("a\n\"" + "x".repeat(CsvByteRows.MAX_ROW_BYTES + 1)).getBytes(StandardCharsets.UTF_8);
        try (CsvByteRows csv = new CsvByteRows(new ByteArrayInputStream(open))) {
            assertThat(csv.next()).containsExactly("a");
            assertThatThrownBy(csv::next).isInstanceOf(CsvByteRows.MalformedException.class)
                    .hasMessageContaining("line 2").hasMessageContaining("longer than 1 MiB");
        }
    }

    @Test
    void commonsCsvIsTheReferenceForAFileOfRealRows() {
        // a generated household's row, as the exchange writer quotes it
        String text = "province_code,commune_code,household_code,address\n01,00004,HH-1,\"Số 5, ngõ 12 \"\"Hoà Bình\"\"\"\n";
        same(text.getBytes(StandardCharsets.UTF_8));
    }
}
