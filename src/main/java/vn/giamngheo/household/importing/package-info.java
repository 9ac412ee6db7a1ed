/**
 * The household import (exchange-format §1), one pipeline for the page ({@code /imports}), the API
 * ({@code POST /api/v1/households/import}), the command line ({@code import}) and the bulk path
 * ({@code import --bulk}, the demonstration data): parse → validate (small {@link
 * vn.giamngheo.household.importing.ImportValidator}s composed in {@link
 * vn.giamngheo.household.importing.ImportValidators}, each problem with file, line, column, value and code) →
 * resolve communes and villages → classify in memory → write set-based → report. Other modules use
 * {@link vn.giamngheo.household.importing.HouseholdImport} and {@link
 * vn.giamngheo.household.importing.HouseholdBulkImport} (this package is the module's named interface
 * "importing").
 */
@NamedInterface("importing")
package vn.giamngheo.household.importing;

import org.springframework.modulith.NamedInterface;
