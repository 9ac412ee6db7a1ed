/**
 * The field app (issue 25): officers and helpers survey households and record village meetings on a phone or tablet
 * without a connection, and sync safely. {@code field.standard} serves the poverty standard to the classifier that
 * runs on the device ({@code static/field/js/classifier.js}, ADR 0012).
 */
package vn.giamngheo.field;
