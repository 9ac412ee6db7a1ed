/**
 * The web edge's errors: the numbered {@link vn.giamngheo.problem.ErrorCode catalogue}, the
 * {@link vn.giamngheo.problem.ErrorCoded} interface modules' exceptions implement, one handler answering every API
 * error as RFC 9457 problem details ({@code application/problem+json}) and every page error with the one error page.
 */
package vn.giamngheo.problem;
