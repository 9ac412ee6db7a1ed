package vn.giamngheo.exchange;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small valid exchange files as text, and helpers to change one cell (fixture rows never need quoting). */
final class ExchangeFixture {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 1);

    static final String HOUSEHOLDS = String.join("\n",
            String.join(",", Columns.HOUSEHOLDS),
            "H001,00004,Thôn 1,rural,,,1400000,,less_durable,30,piped,septic,no,,tv;radio,yes,,lack_capital,no,,",
            "H002,00004,Thôn 2,,Số 5,2026-10-01,,150,durable,60.5,drilled_well,none,yes,yes,,no,yes,,yes,no,no",
            "H003,00008,,urban,,,2500000,,durable,80,piped,septic,yes,,smartphone,,,,,,") + "\n";

    static final String MEMBERS = String.join("\n",
            String.join(",", Columns.MEMBERS),
            "H001,00004,1,Nguyễn Văn A,001080000001,1980-05-01,male,Kinh,head,wage_no_contract,yes,none,,yes,,lower_secondary,no,,,",
            "H001,00004,2,Trần Thị B,,1982,female,Kinh,spouse,self_employed,yes,,,no,,primary,no,,,",
            "H001,00004,3,Nguyễn Văn C,,2015-03-02,male,Kinh,child,student,no,,,yes,no,primary,yes,yes,,",
            "H002,00004,1,Lò Văn D,001060000002,1960,male,Thái,head,not_working,no,severe,yes,yes,,none,no,,no,yes",
            "H003,00008,1,Lê Thị E,,1990-12-31,female,Kinh,head,wage_with_contract,yes,none,,yes,,university,no,,,")
            + "\n";

    private ExchangeFixture() {
    }

    static ReadResult read(String households, String members) {
        return new HouseholdFileReader(TODAY).read("households.csv", stream(households), "members.csv",
                stream(members));
    }

    static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text with the cell at 1-based {@code line} and the named column replaced. */
    static String withCell(String csv, int line, String column, String value) {
        List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\n", -1)));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        String[] cells = lines.get(line - 1).split(",", -1);
        cells[index] = value;
        lines.set(line - 1, String.join(",", cells));
        return String.join("\n", lines);
    }

    static String withoutLine(String csv, int line) {
        List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\n", -1)));
        lines.remove(line - 1);
        return String.join("\n", lines);
    }

    static String withLine(String csv, String row) {
        return csv + row + "\n";
    }
}
