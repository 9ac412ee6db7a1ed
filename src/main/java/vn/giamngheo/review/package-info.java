/**
 * The annual and monthly review (rà soát hộ nghèo, hộ cận nghèo): rounds, applications, village meetings,
 * decisions, complaints, progress and documents; pure rules in {@code review.rules}.
 */
package vn.giamngheo.review;
