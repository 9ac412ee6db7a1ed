package vn.giamngheo.household.importing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import org.postgresql.copy.CopyIn;
import vn.giamngheo.exchange.Coded;

/**
 * Rows in COPY's text format (tab-separated, \N for null, backslash escapes) or, {@code binary}, in its binary
 * format (each field its length and its value in PostgreSQL's own binary representation: PostgreSQL parses no
 * text, issue 26 point 1), sent in 64 KiB chunks. The typed methods ({@link #int4}, {@link #int8}, {@link #int2},
 * {@link #bool}, {@link #numeric}, {@link #date}, {@link #text}, {@link #codes}) write either format and must match
 * the column's type; {@link #value} writes text only.
 */
final class CopyBuffer {
    /** The size from which the rows gathered are sent as one chunk. */
    static final int FLUSH_BYTES = 1 << 16;
    /** The binary format's signature, flags and header extension length (PostgreSQL's COPY documentation). */
    private static final byte[] BINARY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** Days from 1970-01-01 (Java's epoch) to 2000-01-01 (PostgreSQL's). */
    private static final long PG_EPOCH_DAY = 10_957;
    private static final int TEXT_OID = 25;
    private final CopyIn copy;
    private final Sender sender;
    private final boolean binary;
    private final StringBuilder row = new StringBuilder(512);
    private byte[] bytes = new byte[FLUSH_BYTES * 2];
    private int length;
    private boolean first = true;
    /** Binary: where the current row starts (its field count is written there at {@link #end()}) and its fields. */
    private int rowStart = -1;
    private int fields;

    /** Sends each chunk from the calling thread. */
    CopyBuffer(CopyIn copy) {
        this(copy, null);
    }

    /**
     * Sends the chunks from a thread of its own ({@code name}, non-null): the reading thread goes on parsing,
     * checking and classifying while PostgreSQL takes the rows, and one slow stream (households or members) no
     * longer holds up the other (h14: the reading thread spent most of the staging phase blocked in a write).
     */
    CopyBuffer(CopyIn copy, String name) {
        this(copy, name, false);
    }

    /** As {@link #CopyBuffer(CopyIn, String)}, in COPY's binary format if {@code binary} (the COPY says {@code FORMAT binary}). */
    CopyBuffer(CopyIn copy, String name, boolean binary) {
        this.copy = copy;
        this.sender = name == null ? null : new Sender(copy, name);
        this.binary = binary;
        if (binary) {
            System.arraycopy(BINARY_HEADER, 0, bytes, 0, BINARY_HEADER.length);
            length = BINARY_HEADER.length;
        }
    }

    private CopyBuffer sep() {
        if (!first) {
            row.append('\t');
        }
        first = false;
        return this;
    }

    CopyBuffer value(Object v) {
        if (binary) {
            throw new IllegalStateException("binary COPY needs the column's type: int4, int8, int2, bool, numeric, date");
        }
        sep();
        if (v == null) {
            row.append("\\N");
        } else if (v instanceof BigDecimal d) {
            row.append(d.toPlainString());
        } else {
            row.append(v);
        }
        return this;
    }

    /** An {@code integer} column. */
    CopyBuffer int4(Integer v) {
        if (!binary) {
            return value(v);
        }
        if (v == null) {
            return nullField();
        }
        field(4);
        putInt(v);
        return this;
    }

    /** A {@code smallint} column. */
    CopyBuffer int2(Integer v) {
        if (!binary) {
            return value(v);
        }
        if (v == null) {
            return nullField();
        }
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw new IllegalArgumentException("smallint out of range: " + v);
        }
        field(2);
        putShort(v);
        return this;
    }

    /** A {@code bigint} column. */
    CopyBuffer int8(Long v) {
        if (!binary) {
            return value(v);
        }
        if (v == null) {
            return nullField();
        }
        field(8);
        putInt((int) (v >>> 32));
        putInt((int) (long) v);
        return this;
    }

    /** A {@code boolean} column. */
    CopyBuffer bool(Boolean v) {
        if (!binary) {
            return value(v);
        }
        if (v == null) {
            return nullField();
        }
        field(1);
        bytes[length++] = (byte) (v ? 1 : 0);
        return this;
    }

    /** A {@code date} column. */
    CopyBuffer date(LocalDate v) {
        if (!binary) {
            return value(v);
        }
        if (v == null) {
            return nullField();
        }
        field(4);
        putInt(Math.toIntExact(v.toEpochDay() - PG_EPOCH_DAY));
        return this;
    }

    /**
     * A {@code numeric} column: the value as its plain string would be read ({@link BigDecimal#toPlainString},
     * the text format's), in base-10000 digits with its weight, sign and display scale (PostgreSQL's numeric_send).
     */
    CopyBuffer numeric(BigDecimal v) {
        if (!binary) {
            return value(v);
        }
        if (v == null) {
            return nullField();
        }
        short[] digits = new short[0];
        int weight = 0;
        int scale = Math.max(0, v.scale());
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        int integerGroups = (integer.length() + 3) / 4;
        int fractionGroups = (fraction.length() + 3) / 4;
        String all = "0".repeat(integerGroups * 4 - integer.length()) + integer + fraction
                + "0".repeat(fractionGroups * 4 - fraction.length());
        int n = integerGroups + fractionGroups;
        int from = 0;
        int to = n;
        weight = integerGroups - 1;
        while (from < to && all.startsWith("0000", from * 4)) {
            from++;
            weight--;
        }
        while (to > from && all.startsWith("0000", (to - 1) * 4)) {
            to--;
        }
        if (from == to) {
            weight = 0; // zero: no digits (as numeric_in stores it)
        } else {
            digits = new short[to - from];
            for (int i = from; i < to; i++) {
                digits[i - from] = Short.parseShort(all.substring(i * 4, i * 4 + 4));
            }
        }
        field(8 + 2 * digits.length);
        putShort(digits.length);
        putShort(weight);
        putShort(v.signum() < 0 ? 0x4000 : 0x0000);
        putShort(scale);
        for (short d : digits) {
            putShort(d);
        }
        return this;
    }

    CopyBuffer text(String v) {
        if (binary) {
            if (v == null) {
                return nullField();
            }
            beginField();
            putText(v);
            return this;
        }
        sep();
        if (v == null) {
            row.append("\\N");
            return this;
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(ch);
            }
        }
        return this;
    }

    CopyBuffer code(Coded v) {
        return text(v == null ? null : v.code());
    }

    <E extends Enum<E> & Coded> CopyBuffer codes(Set<E> values) {
        String[] codes = values.stream().map(Coded::code).toArray(String[]::new);
        Arrays.sort(codes);
        if (binary) {
            // a one-dimensional text[] (an empty set: no dimensions, as '{}' is read), no nulls
            int start = field(0);
            putInt(codes.length == 0 ? 0 : 1);
            putInt(0);
            putInt(TEXT_OID);
            if (codes.length > 0) {
                putInt(codes.length);
                putInt(1);
                for (String c : codes) {
                    putText(c);
                }
            }
            patchInt(start, length - start - 4);
            return this;
        }
        sep();
        row.append('{').append(String.join(",", codes)).append('}');
        return this;
    }

    /** Binary: starts a field of {@code size} bytes (its length written now; 0: patched by the caller); returns where. */
    private int field(int size) {
        beginField();
        ensure(4 + size);
        int at = length;
        putInt(size);
        return at;
    }

    /** Binary: counts a field of the row (the row's field count is reserved before its first field). */
    private void beginField() {
        if (rowStart < 0) {
            ensure(2);
            rowStart = length;
            length += 2;
        }
        fields++;
    }

    private CopyBuffer nullField() {
        field(0);
        patchInt(length - 4, -1);
        return this;
    }

    /** Binary: a text value, its length then its UTF-8 bytes (a field's body, or an array element). */
    private void putText(String v) {
        ensure(4 + v.length());
        int at = length;
        length += 4;
        int start = length;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch >= 0x80) {
                length = start;
                byte[] encoded = v.getBytes(StandardCharsets.UTF_8);
                ensure(encoded.length);
                System.arraycopy(encoded, 0, bytes, length, encoded.length);
                length += encoded.length;
                break;
            }
            bytes[length++] = (byte) ch;
        }
        patchInt(at, length - start);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private void putInt(int v) {
        ensure(4);
        bytes[length++] = (byte) (v >>> 24);
        bytes[length++] = (byte) (v >>> 16);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    private void putShort(int v) {
        ensure(2);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    private void patchInt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    void end() throws SQLException {
        if (binary) {
            if (rowStart < 0) {
                throw new IllegalStateException("a row of no fields");
            }
            bytes[rowStart] = (byte) (fields >>> 8);
            bytes[rowStart + 1] = (byte) fields;
            rowStart = -1;
            fields = 0;
            if (length >= FLUSH_BYTES) {
                flush();
            }
            return;
        }
        row.append('\n');
        byte[] encoded = row.toString().getBytes(StandardCharsets.UTF_8);
        if (length + encoded.length > bytes.length) {
            flush();
            if (encoded.length > bytes.length) {
                bytes = new byte[encoded.length * 2];
            }
        }
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
        if (length >= FLUSH_BYTES) {
            flush();
        }
        row.setLength(0);
        first = true;
    }

    private void flush() throws SQLException {
        if (length > 0) {
            if (sender == null) {
                copy.writeToCopy(bytes, 0, length);
            } else {
                sender.send(Arrays.copyOf(bytes, length));
            }
            length = 0;
        }
    }

    /** Sends what is left, waits until every chunk is written and ends the COPY: the number of rows. */
    long finish() throws SQLException {
        if (binary) {
            ensure(2);
            putShort(-1); // the file trailer
        }
        flush();
        if (sender != null) {
            sender.drain();
        }
        return copy.endCopy();
    }

    /** Stops sending (the chunks not yet written are dropped) and cancels the COPY if it is still open. */
    void abort() {
        if (sender != null) {
            sender.stop();
        }
        cancel(copy);
    }

    private static void cancel(CopyIn copy) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the staging tables are emptied by the next import anyway
        }
    }
}
