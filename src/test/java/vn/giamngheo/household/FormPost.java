package vn.giamngheo.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

/**
 * What a browser posts for a rendered form left as it is: every enabled named control, checked checkboxes
 * only, each select's selected option (its first option when none is selected), text values as written.
 */
public final class FormPost {

    private FormPost() {
    }

    /** The name/value pairs of the form with the given id, in document order. */
    public static List<Map.Entry<String, String>> of(String html, String formId) {
        Document page = Jsoup.parse(html);
        FormElement form = (FormElement) page.getElementById(formId);
        if (form == null) {
            throw new AssertionError("no form #" + formId + " in the page");
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        form.formData().forEach(kv -> pairs.add(Map.entry(kv.key(), kv.value())));
        return pairs;
    }
}
