/**
 * The field app (issue 25): an installable web app at {@code /field/} with which an officer or helper surveys
 * households and records village meetings without a connection. This package serves the app's shell, its texts in
 * the user's language with the questionnaire of exchange-format §1 (built from {@link vn.giamngheo.exchange.Columns},
 * so the device validates what the server validates), and the service worker's precache list; the scripts, the
 * manifest and the icons are static files under {@code static/field/}, Dexie and Workbox are unpacked there at build
 * time from the npm registry ({@code pom.xml}). The server's side of the sync is {@code vn.giamngheo.field.sync}.
 */
package vn.giamngheo.field;
