/** The export of a commune's households in the exchange format (exchange-format §1), page and API. */
package vn.giamngheo.household.export;
