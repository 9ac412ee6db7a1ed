/**
 * Tasks of a plan (nhiệm vụ) and the agencies' output reports: each task of a plan names a programme item, its lead
 * agency (chủ trì) and coordinating agencies (phối hợp), a deadline and its outputs (a monitoring indicator or a free
 * output with its unit, and a target); the lead agency's officers report the outputs per period (the periods and due
 * dates of the monitoring reports), the plan's level returns or accepts the reports and consolidates them, and late
 * or missing reports are listed. The API other features use is {@link vn.giamngheo.task.PlanTasks}.
 */
package vn.giamngheo.task;
