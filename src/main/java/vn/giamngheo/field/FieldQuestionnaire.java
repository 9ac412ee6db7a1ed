package vn.giamngheo.field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.giamngheo.exchange.Coded;
import vn.giamngheo.exchange.Columns;
import vn.giamngheo.exchange.Labels;

/**
 * The questionnaire of the field app: every column of exchange-format §1 for the household and each member, with
 * its title, whether it is required, its kind (text, code, list of codes, yes/no, date, number) and its codes with
 * their labels, in the reader's language. Built from {@link Columns} and the message files the pages use, so the
 * device asks and checks exactly what the server's exchange reader accepts.
 */
@Component
class FieldQuestionnaire {

    /** Columns the device fills itself (the household's identity in the round), not asked on the form. */
    private static final List<String> IMPLIED = List.of("household_code", "commune_code");

    /** Number columns and their lowest value (the exchange reader refuses negatives). */
    private static final Map<String, Integer> NUMBERS = Map.of("income_per_capita", 0, "b1_score", 0,
            "floor_area_m2", 0, "member_no", 1);

    private final MessageSource messages;

    FieldQuestionnaire(MessageSource messages) {
        this.messages = messages;
    }

    /** One question: a column of the format. */
    record Question(String column, String label, boolean required, String kind, Integer min, List<Choice> choices) {
    }

    /** One code of a code list with its label. */
    record Choice(String code, String label) {
    }

    /** The household's questions and the member's, in the format's order. */
    Map<String, List<Question>> questions(Locale locale) {
        Map<String, List<Question>> form = new LinkedHashMap<>();
        form.put("household", questions(Columns.HOUSEHOLDS, Columns.HOUSEHOLDS_REQUIRED, locale, false));
        form.put("members", questions(Columns.MEMBERS, Columns.MEMBERS_REQUIRED, locale, true));
        return form;
    }

    private List<Question> questions(List<String> columns, java.util.Set<String> required, Locale locale, boolean members) {
        List<Question> questions = new ArrayList<>();
        for (String column : columns) {
            if (IMPLIED.contains(column)) {
                continue;
            }
            String label = messages.getMessage(Labels.titleKey(column), null, column, locale);
            questions.add(new Question(column, label, required.contains(column), kind(column),
                    NUMBERS.get(column), choices(column, locale)));
        }
        return questions;
    }

    private static String kind(String column) {
        if (Columns.LISTS.contains(column)) {
            return "list";
        }
        if (Columns.CODED.containsKey(column)) {
            return "code";
        }
        if (Columns.BOOLEANS.contains(column)) {
            return "yesno";
        }
        if (column.equals("birth_date")) {
            return "birthdate";
        }
        if (Columns.DATES.contains(column)) {
            return "date";
        }
        if (column.equals("id_number")) {
            return "idnumber";
        }
        return NUMBERS.containsKey(column) ? "number" : "text";
    }

    private List<Choice> choices(String column, Locale locale) {
        Class<? extends Coded> type = Columns.CODED.get(column);
        if (type == null) {
            return List.of();
        }
        List<Choice> choices = new ArrayList<>();
        for (Coded value : type.getEnumConstants()) {
            String key = Labels.labelKey(value);
            choices.add(new Choice(value.code(), messages.getMessage(key, null, value.code(), locale)));
        }
        return choices;
    }
}
