/**
 * The household register (sổ hộ gia đình): households and members with their facts, forms, import and export, life
 * events and the classification kept up to date.
 */
package vn.giamngheo.household;
