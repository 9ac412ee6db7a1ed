/**
 * The poverty standard for the field app (issue 25 point 4, ADR 0012): {@code GET /api/v1/field/standards/{code}}
 * gives a standard as JSON — every parameter as the registry holds it now, the code lists, the explanation
 * templates of the classification bundle in Vietnamese and English and their number conventions — so that
 * {@code static/field/js/classifier.js} classifies and explains a household on the device exactly as
 * {@link vn.giamngheo.standard.rules.PovertyClassifier} does on the server, with no number written into the script.
 */
package vn.giamngheo.field.standard;
