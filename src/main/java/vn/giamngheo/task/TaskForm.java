package vn.giamngheo.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/** The task form of the pages (bound by name: {@code outputs[0].indicatorCode}, …) and its conversion to the service's input. */
public class TaskForm {

    /** Output rows the form offers beyond a task's own outputs. */
    static final int EMPTY_ROWS = 3;

    private Integer version;
    private Long itemId;
    private String descriptionVi;
    private String descriptionEn;
    private Long leadAgencyId;
    private List<Long> partnerAgencyIds = new ArrayList<>();
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deadline;
    private List<String> reportKinds = new ArrayList<>();
    private List<OutputForm> outputs = new ArrayList<>();

    /** One output row: an indicator's code, or a free output's names and unit; the target; reported per commune. */
    public static class OutputForm {
        private String indicatorCode;
        private String nameVi;
        private String nameEn;
        private String unitOfMeasure;
        private String target;
        private boolean perCommune;

        public String getIndicatorCode() {
            return indicatorCode;
        }

        public void setIndicatorCode(String indicatorCode) {
            this.indicatorCode = indicatorCode;
        }

        public String getNameVi() {
            return nameVi;
        }

        public void setNameVi(String nameVi) {
            this.nameVi = nameVi;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }

        public String getUnitOfMeasure() {
            return unitOfMeasure;
        }

        public void setUnitOfMeasure(String unitOfMeasure) {
            this.unitOfMeasure = unitOfMeasure;
        }

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target;
        }

        public boolean isPerCommune() {
            return perCommune;
        }

        public void setPerCommune(boolean perCommune) {
            this.perCommune = perCommune;
        }
    }

    /** The form of an existing task, with empty rows to add outputs. */
    static TaskForm of(PlanTasks.Task t) {
        TaskForm f = new TaskForm();
        f.version = t.version();
        f.itemId = t.itemId();
        f.descriptionVi = t.descriptionVi();
        f.descriptionEn = t.descriptionEn();
        f.leadAgencyId = t.leadAgencyId();
        f.partnerAgencyIds = new ArrayList<>(t.partnerIds());
        f.deadline = t.deadline();
        f.reportKinds = new ArrayList<>(t.reportKinds());
        for (PlanTasks.Output o : t.outputs()) {
            OutputForm row = new OutputForm();
            row.indicatorCode = o.indicatorId() == null ? null : o.indicatorCode();
            row.nameVi = o.indicatorId() == null ? o.nameVi() : null;
            row.nameEn = o.indicatorId() == null ? o.nameEn() : null;
            row.unitOfMeasure = o.indicatorId() == null ? o.unitOfMeasure() : null;
            row.target = o.target() == null ? null : o.target().stripTrailingZeros().toPlainString();
            row.perCommune = o.perCommune();
            f.outputs.add(row);
        }
        f.padRows();
        return f;
    }

    /** A new task's form: the reporting periods every plan names (6 months and year), empty output rows. */
    static TaskForm empty() {
        TaskForm f = new TaskForm();
        f.reportKinds = new ArrayList<>(List.of("half_year", "year"));
        f.padRows();
        return f;
    }

    void padRows() {
        for (int i = 0; i < EMPTY_ROWS; i++) {
            outputs.add(new OutputForm());
        }
    }

    /**
     * The service's input; a target that is no number is refused here with its row (the decimal comma of
     * Vietnamese readers is accepted).
     */
    PlanTasks.TaskInput input(List<vn.giamngheo.plan.PlanProblem> problems) {
        List<PlanTasks.OutputInput> in = new ArrayList<>();
        int i = 0;
        for (OutputForm o : outputs) {
            i++;
            BigDecimal target = null;
            if (o.target != null && !o.target.isBlank()) {
                try {
                    target = new BigDecimal(o.target.strip().replace(" ", "").replace(',', '.'));
                } catch (NumberFormatException e) {
                    problems.add(vn.giamngheo.plan.PlanProblem.of("outputs[" + (i - 1) + "]", "task.error.target", String.valueOf(i)));
                }
            }
            Map<String, BigDecimal> none = new LinkedHashMap<>();
            in.add(new PlanTasks.OutputInput(o.indicatorCode, o.nameVi, o.nameEn, o.unitOfMeasure, target, o.perCommune, none));
        }
        return new PlanTasks.TaskInput(itemId, descriptionVi, descriptionEn, leadAgencyId, partnerAgencyIds, deadline,
                reportKinds, in);
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public Long getItemId() {
        return itemId;
    }

    public void setItemId(Long itemId) {
        this.itemId = itemId;
    }

    public String getDescriptionVi() {
        return descriptionVi;
    }

    public void setDescriptionVi(String descriptionVi) {
        this.descriptionVi = descriptionVi;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public void setDescriptionEn(String descriptionEn) {
        this.descriptionEn = descriptionEn;
    }

    public Long getLeadAgencyId() {
        return leadAgencyId;
    }

    public void setLeadAgencyId(Long leadAgencyId) {
        this.leadAgencyId = leadAgencyId;
    }

    public List<Long> getPartnerAgencyIds() {
        return partnerAgencyIds;
    }

    public void setPartnerAgencyIds(List<Long> partnerAgencyIds) {
        this.partnerAgencyIds = partnerAgencyIds;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    public List<String> getReportKinds() {
        return reportKinds;
    }

    public void setReportKinds(List<String> reportKinds) {
        this.reportKinds = reportKinds;
    }

    public List<OutputForm> getOutputs() {
        return outputs;
    }

    public void setOutputs(List<OutputForm> outputs) {
        this.outputs = outputs;
    }
}
