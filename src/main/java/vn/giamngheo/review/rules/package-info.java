/**
 * The rules of the review (Decision 24/2021/QĐ-TTg), free of Spring and the database: the states of a round
 * and the moves between them, its calendar (periods, posting and complaint windows in working days), the
 * village meeting's agreement threshold, which lists a decided status belongs to, and what stops a decision.
 */
package vn.giamngheo.review.rules;
