package vn.giamngheo.task;

import java.math.BigDecimal;

/**
 * An output of a task: a monitoring indicator ({@code indicatorCode}, its names and unit) or a free output
 * ({@code indicatorCode} null) with its names and unit of measure; its target for the plan's area (null when none) and
 * what the accepted reports have reached to date (null when none was accepted).
 */
public record TaskOutput(String indicatorCode, String nameVi, String nameEn, String unitOfMeasure, BigDecimal target,
                         BigDecimal reported) {
}
