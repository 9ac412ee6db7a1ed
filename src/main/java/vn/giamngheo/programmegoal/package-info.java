/**
 * The programme's poverty goals as data (mục tiêu giảm nghèo của Chương trình, issue 23 point 2): each goal of a
 * programme period with its legal source and confidence, edited by administrators, and checked for any province
 * from its data with the same services as the reports and the plans' goals ({@code UnitRates}, {@code ClassRates},
 * {@code AreaClasses}, population groups) and the rules of {@code plan.rules.ClassGoalRules}.
 */
package vn.giamngheo.programmegoal;
