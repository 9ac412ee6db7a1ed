package vn.giamngheo.standard.rules;

/**
 * A message argument that is a code of the exchange format (e.g. {@code housing_quality} =
 * {@code makeshift}). The renderer says it in words with the bundle key
 * {@code classification.value.<field>.<code>}, so no raw code reaches a sentence.
 */
public record Code(String field, String value) {
}
