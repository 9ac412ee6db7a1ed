package vn.giamngheo.exchange;

/**
 * Checks of ASCII digits in the exchange files' cells without a regular expression (the bulk import reads millions of
 * cells: {@code String.matches} compiled its pattern again on every call, a fifth of the reader thread's time at
 * 1,000,000 households, docs/benchmarks.md). {@code \d} of a Java pattern is the same ASCII range.
 */
final class Digits {

    private Digits() {
    }

    /** Whether {@code text} is exactly {@code count} ASCII digits (the pattern {@code \d{count}}). */
    static boolean exactly(String text, int count) {
        return text.length() == count && all(text, 0, count);
    }

    /** Whether the characters from {@code from} (inclusive) to {@code to} (exclusive) are all ASCII digits. */
    static boolean all(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of the ASCII digits from {@code from} to {@code to}, already checked by {@link #all}. */
    static int value(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }
}
