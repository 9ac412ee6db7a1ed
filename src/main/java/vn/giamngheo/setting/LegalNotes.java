package vn.giamngheo.setting;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Confidence and legal source as a reader's note, the one place that writes them for pages (fragment
 * {@code fragments/legal :: note}, bean {@code @legalNotes}): "Quy định chưa chắc chắn — căn cứ: Nghị định
 * 07/2021/NĐ-CP, Điều 3" instead of a "[?]" tag, and never a path of the project's documentation
 * ("docs/domain.md §4"), which stays in the stored text for the maintainers but is not shown to officials.
 */
@Component("legalNotes")
public class LegalNotes {

    /** A parenthesis that only points to the documentation: "(docs/domain.md §3, §7)", "(cut-off per domain.md)". */
    private static final Pattern DOC_PARENTHESIS = Pattern.compile("\\s*\\([^()]*domain\\.md[^()]*\\)");
    /** A bare reference to the documentation, with its sections. */
    private static final Pattern DOC_REFERENCE = Pattern.compile(
            "[;,]?\\s*(?:(?:see|per|theo|trong)\\s+)?(?:docs/)?domain\\.md(?:\\s*§\\s*\\d+(?:\\s*(?:,|và|and)\\s*§?\\s*\\d+)*)?");
    private static final Pattern UNCONFIRMED_TAG = Pattern.compile("\\s*\\[\\?\\]");
    private static final Pattern SOURCE_TAG = Pattern.compile("\\s*\\[S2?\\]");

    private final MessageSource messages;

    LegalNotes(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A stored text as a reader sees it: documentation paths dropped, "[?]" in words ("chưa xác nhận"), "[S]" and
     * "[S2]" dropped (the note says how sure the rule is).
     */
    public String clean(String text, Locale locale) {
        if (text == null) {
            return "";
        }
        String unconfirmed = messages.getMessage("legal.unconfirmed.inline", null, "(not confirmed)", locale);
        String s = DOC_PARENTHESIS.matcher(text).replaceAll("");
        s = DOC_REFERENCE.matcher(s).replaceAll("");
        s = UNCONFIRMED_TAG.matcher(s).replaceAll(" " + java.util.regex.Matcher.quoteReplacement(unconfirmed));
        s = SOURCE_TAG.matcher(s).replaceAll("");
        s = s.replaceAll("\\s+", " ").replaceAll("\\s+([.,;:])", "$1").replaceAll("([;,])\\1+", "$1")
                .replaceAll("[;,]\\s*\\.", ".").strip();
        s = s.replaceAll("^[;,:]\\s*", "").replaceAll("\\s*[;,:]$", "");
        return s;
    }

    /** How sure the rule is, in words: "Có văn bản", "Nguồn thứ cấp", "Chưa chắc chắn". */
    public String level(String confidence, Locale locale) {
        return messages.getMessage("legal.level." + code(confidence), null, code(confidence), locale);
    }

    /**
     * The note: how sure, the legal source in words, and for an unconfirmed parameter that the administrator can
     * change it (the fragment adds the link to it).
     */
    public String note(String confidence, String source, Locale locale) {
        String cleaned = clean(source, locale);
        if (cleaned.isEmpty()) {
            cleaned = messages.getMessage("legal.noSource", null, "no legal source recorded", locale);
        }
        return messages.getMessage("legal.note." + code(confidence), new Object[] {cleaned}, cleaned, locale);
    }

    /** Whether the note asks for checking (confidence "?" or unknown). */
    public boolean unconfirmed(String confidence) {
        return "unconfirmed".equals(code(confidence));
    }

    static String code(String confidence) {
        if (confidence == null) {
            return "unconfirmed";
        }
        return switch (confidence.strip()) {
            case "S" -> "S";
            case "S2" -> "S2";
            default -> "unconfirmed";
        };
    }
}
