/**
 * Drafting of the programme's documents from live data (issue 22): a unit's plan (kế hoạch giảm nghèo) and its
 * 6-month and annual reports (báo cáo kết quả thực hiện) as DOCX and PDF in the format of Decree 30/2020, from the
 * same services as the pages (plans, reports, movements, budget, programme, monitoring), with the narrative parts
 * written in the page, the plan checker run on the drafted target table, and every drafted version kept.
 */
package vn.giamngheo.drafting;
