package vn.giamngheo.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of the reader-conventions guard, on the text a reader sees (a page's visible text, the text of a cell,
 * a PDF page): each answers the offending snippets. Plain Java, so that the rules themselves are tested on a table.
 */
final class ReaderConventions {

    /** What a rule found: its name and the text around it. */
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("“[^”]*”");

    record Offence(String rule, String snippet) {
        @Override
        public String toString() {
            return rule + ": «" + snippet + "»";
        }
    }

    /** A year written with a thousands separator next to a word that says it is a year: "năm 2.026", "year 2,026". */
    static final Pattern YEAR = Pattern.compile(
            "(?iu)(?:năm|year|years|giai đoạn|period|kỳ|niên độ)[^\\d\\n]{0,12}(?<![\\d.,])[12][.,]\\d{3}(?![\\d])");
    /** A count printed with zero decimals: "3201.000" (ungrouped digits, then three zeros), in both languages. */
    static final Pattern COUNT_DECIMALS = Pattern.compile("(?<![\\d.,])\\d{4,}[.,]000(?![\\d.,])");
    /** In English, "446.000": a whole number with three zero decimals. */
    static final Pattern COUNT_DECIMALS_EN = Pattern.compile("(?<![\\d.,])[1-9]\\d{0,2}\\.000(?![\\d.,])");
    /** In Vietnamese, "446,000" or "1.234,000": a whole number with three zero decimals. */
    static final Pattern COUNT_DECIMALS_VI = Pattern.compile("(?<![\\d.,])[1-9]\\d{0,2}(?:\\.\\d{3})*,000(?![\\d.,])");
    /** In Vietnamese, a dot decimal: "13.93", "0.0 %" (one or two digits after the dot, or a percentage). */
    static final Pattern DOT_DECIMAL = Pattern.compile(
            "(?<![\\d.,§/:\\p{L}])\\d+\\.\\d{1,2}(?![\\d.,/])|(?<![\\d.,§/:\\p{L}])\\d+\\.\\d+\\s?%");
    /** In English, a comma decimal: "13,93", "0,0 %". */
    static final Pattern COMMA_DECIMAL = Pattern.compile(
            "(?<![\\d.,§/:\\p{L}])\\d+,\\d{1,2}(?![\\d.,/])|(?<![\\d.,§/:\\p{L}])\\d+,\\d+\\s?%");
    /** A snake_case word: a code or a column name shown as text. */
    static final Pattern SNAKE = Pattern.compile("(?<![\\w./@=&?#:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\\w./@(=-])");
    /** Thymeleaf's sign of a missing message: "??key_vi??". */
    static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
    /** A dotted word that may be a message key. */
    static final Pattern DOTTED = Pattern.compile("(?<![\\w./@-])[a-z][a-zA-Z0-9-]*(?:\\.[a-zA-Z0-9-]+)+(?![\\w/@])");
    /** A word with a letter of Vietnamese (a diacritic, đ). */
    static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Titles of legal documents, named in Vietnamese in both languages: from the kind to the end of the phrase. */
    static final Pattern LEGAL = Pattern.compile(
            "(?u)(?:Nghị định|Nghị quyết|Quyết định|Thông tư|Bộ luật|Luật|Chỉ thị|Công văn|Hiến pháp|Pháp lệnh)[^\\n|]*"
            + "|\\d+(?:/\\d{4})?/(?=[\\p{L}\\d-]*\\p{L})[\\p{L}\\d]+(?:-[\\p{L}\\d]+)*");
    /** The number of a sub-project before its name ("3.1 Tiểu dự án 1"): a code, not a decimal. */
    private static final Pattern ITEM_NUMBER = Pattern.compile("(?u)\\d+[.,]\\d+\\s+(?:Tiểu dự án|Dự án|Sub-project|Project)\\b");

    private final Set<String> messageKeys;
    private final Set<String> nameWords;
    private final Set<String> codes;

    /**
     * @param messageKeys every key of the message files (a key shown as text is an offence)
     * @param nameWords   the words of names of units, people, organisations and standards (in lower case): they stay
     *                    Vietnamese in English
     */
    ReaderConventions(Set<String> messageKeys, Set<String> nameWords) {
        this(messageKeys, nameWords, Set.of());
    }

    /** @param codes codes that look like decimals ("3.1", an item of the programme): not numbers */
    ReaderConventions(Set<String> messageKeys, Set<String> nameWords, Set<String> codes) {
        this.messageKeys = messageKeys;
        this.nameWords = nameWords;
        this.codes = codes;
    }

    /** The offences of a text shown to a reader in a language; {@code codesAllowed} for pages that document files. */
    List<Offence> check(String text, boolean vietnamese, boolean codesAllowed, boolean wordsOfTheLanguage) {
        List<Offence> found = new ArrayList<>();
        // text quoted “as stored” (what a person wrote, in the language it was written in) is not the page's own
        text = QUOTED.matcher(text).replaceAll("“”");
        find(YEAR, "year with a thousands separator", text, found);
        find(COUNT_DECIMALS, "count with decimals", text, found);
        String numbers = ITEM_NUMBER.matcher(text).replaceAll(" ");
        if (vietnamese) {
            find(COUNT_DECIMALS_VI, "count with decimals", text, found);
            find(DOT_DECIMAL, "dot decimal in vi", numbers, found, codes);
        } else {
            find(COUNT_DECIMALS_EN, "count with decimals", text, found);
            find(COMMA_DECIMAL, "comma decimal in en", numbers, found, codes);
        }
        find(MISSING_MESSAGE, "missing message", text, found);
        if (!codesAllowed) {
            find(SNAKE, "snake_case key", text, found);
        }
        Matcher m = DOTTED.matcher(text);
        while (!codesAllowed && m.find()) {
            if (messageKeys.contains(m.group())) {
                found.add(new Offence("message key as text", snippet(text, m.start(), m.end())));
            }
        }
        if (!vietnamese && wordsOfTheLanguage) {
            String plain = LEGAL.matcher(text).replaceAll(" ").replace("Tiếng Việt", " ");
            Matcher w = WORD.matcher(plain);
            while (w.find()) {
                String word = w.group();
                if (vietnameseLetters(word) && !nameWords.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                    found.add(new Offence("Vietnamese in en", snippet(plain, w.start(), w.end())));
                }
            }
        }
        return found;
    }

    /** A word with a letter only Vietnamese (among the languages of the application) writes. */
    static boolean vietnameseLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == 'đ' || c == 'Đ' || c >= '\u00C0' && c <= '\u024F' || c >= '\u1EA0' && c <= '\u1EF9') {
                return true;
            }
        }
        return false;
    }

    private static void find(Pattern pattern, String rule, String text, List<Offence> found) {
        find(pattern, rule, text, found, Set.of());
    }

    private static void find(Pattern pattern, String rule, String text, List<Offence> found, Set<String> except) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (!except.contains(m.group().strip())) {
                found.add(new Offence(rule, snippet(text, m.start(), m.end())));
            }
        }
    }

    static String snippet(String text, int start, int end) {
        int from = Math.max(0, start - 30);
        int to = Math.min(text.length(), end + 30);
        return text.substring(from, to).replaceAll("\\s+", " ").strip();
    }
}
