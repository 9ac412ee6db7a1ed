package vn.giamngheo.livelihood;

import java.time.LocalDate;
import vn.giamngheo.security.CurrentUser;

/** For the endpoint walk of the security package: a livelihood model of a commune with one participant household. */
public final class WalkModel {

    private WalkModel() {
    }

    /** The model's id. */
    public static long withParticipant(org.springframework.context.ApplicationContext context, long communeId, long household, CurrentUser officer) {
        LivelihoodModels models = context.getBean(LivelihoodModels.class);
        long id = models.create(new ModelRecords.ModelForm("Nuôi bò sinh sản (walk)", "livestock", communeId, null, "Dự án 2",
                "Ngân sách trung ương, sự nghiệp", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), "Phòng Kinh tế",
                null), officer).id();
        models.addParticipant(id, new ModelRecords.ParticipantForm(household, LocalDate.of(2026, 3, 1), 1_000_000L, null), officer);
        return id;
    }
}
