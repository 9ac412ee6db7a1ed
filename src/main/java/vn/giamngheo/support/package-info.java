/**
 * Support policies (chính sách hỗ trợ) as data, the benefits households and persons received (entered or
 * imported), and coverage: entitled vs received per policy and unit, gap lists and leakage. Entitlement rules are
 * pure code in {@code support.rules}.
 */
package vn.giamngheo.support;
