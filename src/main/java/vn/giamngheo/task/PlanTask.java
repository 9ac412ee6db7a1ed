package vn.giamngheo.task;

import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.agency.Agency;

/**
 * A task (nhiệm vụ) of a plan: the programme item it carries out, what is to be done, its lead agency (chủ trì), its
 * coordinating agencies (phối hợp), its deadline and its outputs with their targets and what has been reported.
 */
public record PlanTask(long id, long planId, long itemId, String itemCode, String itemNameVi, String itemNameEn,
                       String descriptionVi, Agency lead, List<Agency> partners, LocalDate deadline,
                       List<TaskOutput> outputs) {

    public PlanTask {
        partners = List.copyOf(partners);
        outputs = List.copyOf(outputs);
    }
}
