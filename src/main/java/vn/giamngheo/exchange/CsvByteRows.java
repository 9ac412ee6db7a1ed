package vn.giamngheo.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The rows of a CSV file read straight from its UTF-8 bytes, for the bulk import's millions of rows (issue 26 point 1:
 * commons-csv's lexer and the decoding of the whole text took half of the reading thread). The same rows, cells and
 * line numbers as commons-csv's {@code CSVFormat.RFC4180} without trimming ({@code CsvByteRowsTest} compares the two):
 * fields separated by commas; a field that starts with a double quote ends at the next lone quote, {@code ""} inside it
 * being one quote, and may hold commas and line breaks; only white space may follow its closing quote before the next
 * comma or line break; a quote inside an unquoted field is an ordinary character; CR LF, LF and CR each end a line; an
 * empty line is a row of one empty cell; a UTF-8 byte order mark at the start is skipped. A comma, quote, CR or LF byte
 * is never part of a multi-byte UTF-8 character, so the fields are found on the bytes and only the bytes of each cell
 * are decoded (with ASCII cells, most of a household's, copied without decoding).
 *
 * <p>A row longer than {@link #MAX_ROW_BYTES} is refused, so that a file that never closes a quote cannot fill the
 * heap; invalid UTF-8 is reported at the line of the row that holds it.
 */
final class CsvByteRows implements Closeable {

    /** The longest row read: far beyond a household's or member's row (its text is bounded by the columns' limits). */
    static final int MAX_ROW_BYTES = 1 << 20;

    /** Text that is not UTF-8 ({@link #line()} is the row's first line). */
    static final class NotUtf8Exception extends IOException {
        NotUtf8Exception(String message) {
            super(message);
        }
    }

    /** Text that is not CSV; the message says why and where. */
    static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    private static final byte COMMA = ',';
    private static final byte QUOTE = '"';
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean endOfInput;
    /** Line breaks read so far (CR LF counting once). */
    private long lineBreaks;
    /** The bytes of the cell being read, when it is quoted or crosses the buffer's end. */
    private byte[] cell = new byte[256];
    private int cellLength;
    private final List<String> cells = new ArrayList<>(32);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long rowLine;
    private int rowBytes;

    CsvByteRows(InputStream in) throws IOException {
        this.in = in;
        int n;
        while (limit < 3 && (n = in.read(buffer, limit, buffer.length - limit)) >= 0) {
            limit += n; // the first three bytes, for the byte order mark
        }
        if (limit >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
            position = 3;
        }
    }

    /** The first line of the row {@link #next()} read last (or is reading, when it threw). */
    long line() {
        return rowLine;
    }

    /** The next row's cells, or {@code null} at the end of the file. */
    List<String> next() throws IOException {
        rowLine = lineBreaks + 1;
        rowBytes = 0;
        if (position == limit && !fill()) {
            return null;
        }
        cells.clear();
        while (true) {
            if (position == limit && !fill()) {
                cells.add(""); // the file ends right after a comma
                return row();
            }
            if (buffer[position] == QUOTE) {
                position++;
                count(1);
                if (quotedCell()) {
                    return row();
                }
            } else if (simpleCell()) {
                return row();
            }
        }
    }

    private List<String> row() {
        return Collections.unmodifiableList(Arrays.asList(cells.toArray(new String[0])));
    }

    /** An unquoted cell, up to the next comma or line break; whether the row ends with it. */
    private boolean simpleCell() throws IOException {
        cellLength = 0;
        while (true) {
            int start = position;
            int i = start;
            int end = limit;
            byte[] b = buffer;
            byte c = 0;
            while (i < end && (c = b[i]) != COMMA && c != LF && c != CR) {
                i++;
            }
            if (i < end) {
                count(i - start + 1);
                if (cellLength == 0) {
                    cells.add(decode(b, start, i - start));
                } else {
                    append(b, start, i - start);
                    cells.add(decode(cell, 0, cellLength));
                }
                position = i + 1;
                if (c == COMMA) {
                    return false;
                }
                endOfLine(c);
                return true;
            }
            count(i - start);
            append(b, start, i - start);
            position = i;
            if (!fill()) {
                cells.add(decode(cell, 0, cellLength));
                return true; // the last row of a file without a final line break
            }
        }
    }

    /** A quoted cell (after its opening quote); whether the row ends with it. */
    private boolean quotedCell() throws IOException {
        cellLength = 0;
        long opened = lineBreaks + 1;
        while (true) {
            if (position == limit && !fill()) {
                throw new MalformedException("the file ends inside a quoted field opened on line " + opened);
            }
            byte c = buffer[position++];
            count(1);
            if (c == QUOTE) {
                if (position == limit && !fill()) {
                    cells.add(decode(cell, 0, cellLength));
                    return true;
                }
                if (buffer[position] == QUOTE) {
                    position++;
                    count(1);
                    append(c);
                    continue;
                }
                cells.add(decode(cell, 0, cellLength));
                return afterClosingQuote();
            }
            // a line break inside the field: CR LF counts once (its LF, next)
            if (c == LF || (c == CR && !((position < limit || fill()) && buffer[position] == LF))) {
                lineBreaks++;
            }
            append(c);
        }
    }

    /** White space may follow a closing quote; then a comma, a line break or the end of the file. */
    private boolean afterClosingQuote() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                return true;
            }
            byte c = buffer[position++];
            count(1);
            if (c == COMMA) {
                return false;
            }
            if (c == LF || c == CR) {
                endOfLine(c);
                return true;
            }
            if (!whiteSpace(c) && !(c < 0 && Character.isWhitespace(codePoint(c)))) {
                throw new MalformedException("line " + (lineBreaks + 1) + ": a character other than a comma or a line"
                        + " break follows the closing quote of a field");
            }
        }
    }

    /** The characters commons-csv skips after a closing quote that are single bytes ({@link Character#isWhitespace}). */
    private static boolean whiteSpace(byte c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || (c >= 0x1C && c <= 0x1F);
    }

    /** The character a multi-byte UTF-8 sequence starting with {@code lead} spells (consumed); not UTF-8 throws. */
    private int codePoint(byte lead) throws IOException {
        int more = (lead & 0xE0) == 0xC0 ? 1 : (lead & 0xF0) == 0xE0 ? 2 : (lead & 0xF8) == 0xF0 ? 3 : -1;
        if (more < 0) {
            throw new NotUtf8Exception("line " + rowLine + ": not UTF-8");
        }
        int cp = lead & (0x3F >> more);
        for (int k = 0; k < more; k++) {
            if (position == limit && !fill()) {
                throw new NotUtf8Exception("line " + rowLine + ": not UTF-8");
            }
            byte b = buffer[position++];
            count(1);
            if ((b & 0xC0) != 0x80) {
                throw new NotUtf8Exception("line " + rowLine + ": not UTF-8");
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        return cp;
    }

    /** After a CR or LF ending a row: one line more; a CR's LF belongs to it. */
    private void endOfLine(byte c) throws IOException {
        lineBreaks++;
        if (c == CR && (position < limit || fill()) && buffer[position] == LF) {
            position++;
        }
    }

    private void count(int bytes) throws MalformedException {
        rowBytes += bytes;
        if (rowBytes > MAX_ROW_BYTES) {
            throw new MalformedException("line " + rowLine + ": the row is longer than " + (MAX_ROW_BYTES >> 20)
                    + " MiB");
        }
    }

    private void append(byte c) {
        if (cellLength == cell.length) {
            cell = Arrays.copyOf(cell, cell.length * 2);
        }
        cell[cellLength++] = c;
    }

    private void append(byte[] b, int from, int length) {
        if (cellLength + length > cell.length) {
            cell = Arrays.copyOf(cell, Math.max(cell.length * 2, cellLength + length));
        }
        System.arraycopy(b, from, cell, cellLength, length);
        cellLength += length;
    }

    /**
     * The cell's text: decoded by the JDK's own UTF-8 decoding (vectorised, ASCII copied), which replaces invalid bytes
     * with U+FFFD; only a cell holding U+FFFD is decoded again strictly, to tell a written U+FFFD from invalid bytes.
     */
    private String decode(byte[] b, int from, int length) throws NotUtf8Exception {
        String text = new String(b, from, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                decoder.reset();
                return decoder.decode(ByteBuffer.wrap(b, from, length)).toString();
            } catch (CharacterCodingException e) {
                throw new NotUtf8Exception("line " + rowLine + ": not UTF-8");
            }
        }
        return text;
    }

    /** Reads more bytes after those not consumed yet; whether there are any. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        if (endOfInput) {
            return false;
        }
        position = 0;
        limit = 0;
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) == 0) {
            // a stream may return 0; read again
        }
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
