/**
 * Agencies (cơ quan, đơn vị) that lead, coordinate and report in the programme, as effective-dated data: ministries,
 * provincial departments, the social-policy bank's branches, the Fatherland Front and mass organisations, a commune's
 * offices. A department merged in 2025 keeps its row, its dates and its successor, so old periods keep their names.
 *
 * <p>The kernel other features use is {@link vn.giamngheo.agency.Agencies}: one agency by id (404 when unknown),
 * the agencies of a user's area on a day (scoped through the area kernel), and the agency of a province that carries
 * a function of the programme on a day ({@code poverty_reduction}, {@code vocational_training}, …).
 */
package vn.giamngheo.agency;
