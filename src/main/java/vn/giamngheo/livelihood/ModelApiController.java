package vn.giamngheo.livelihood;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.security.CurrentUsers;

/** REST API of the livelihood models; every call is limited to the caller's area. Bad input → 400 with reasons. */
@RestController
@RequestMapping("/api/v1/livelihood/models")
class ModelApiController {

    private final LivelihoodModels models;
    private final MessageSource messages;

    ModelApiController(LivelihoodModels models, MessageSource messages) {
        this.models = models;
        this.messages = messages;
    }

    /**
     * The models of the area with their participant mix, share check and outcomes; {@code flagged=true} for those below.
     * @param flagged true: only the models whose share of poor and near-poor participants is below the required share
     */
    @GetMapping
    List<ModelRecords.Model> list(@RequestParam(defaultValue = "false") boolean flagged) {
        return models.list(CurrentUsers.require().scope(), flagged);
    }

    /**
     * One livelihood model with its participants' mix, share check and outcomes.
     * @param id id of the model (of the caller's area)
     */
    @GetMapping("/{id}")
    ModelRecords.Model get(@PathVariable long id) {
        return models.get(id, CurrentUsers.require().scope());
    }

    /**
     * Creates a livelihood model in a village of the caller's area.
     * @param form the name, kind, village, programme item, budget line, dates, lead agency and description
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ModelRecords.Model create(@RequestBody ModelRecords.ModelForm form) {
        return models.create(form, CurrentUsers.requireEditor());
    }

    /** The model as edited, with {@code version} as last read (400 "stale" when it changed since). */
    record ModelUpdate(Integer version, String name, String kind, Long villageId, String programmeItem, String budgetLine,
                       java.time.LocalDate startsOn, java.time.LocalDate endsOn, String leadAgency, String description) {
    }

    /**
     * Changes a livelihood model.
     * From the version the client read: a model changed since is refused.
     * @param id id of the model
     * @param u the model as changed, with the version read
     */
    @PutMapping("/{id}")
    ModelRecords.Model update(@PathVariable long id, @RequestBody ModelUpdate u) {
        return models.update(id, u.version(), new ModelRecords.ModelForm(u.name(), u.kind(), null, u.villageId(),
                u.programmeItem(), u.budgetLine(), u.startsOn(), u.endsOn(), u.leadAgency(), u.description()),
                CurrentUsers.requireEditor());
    }

    /**
     * The participating households of a model, with their status and incomes.
     * @param id id of the model
     */
    @GetMapping("/{id}/participants")
    List<ModelRecords.Participant> participants(@PathVariable long id) {
        models.get(id, CurrentUsers.require().scope());
        return models.participants(id);
    }

    /**
     * Adds a household of the area to a model.
     * @param id id of the model
     * @param form the household and the day it joined
     */
    @PostMapping("/{id}/participants")
    @ResponseStatus(HttpStatus.CREATED)
    ModelRecords.Participant add(@PathVariable long id, @RequestBody ModelRecords.ParticipantForm form) {
        return models.addParticipant(id, form, CurrentUsers.requireEditor());
    }

    /**
     * Records a participant's incomes before and after joining.
     * @param id id of the model
     * @param participantId id of the participant
     * @param form the incomes per person per month, in đồng
     */
    @PutMapping("/{id}/participants/{participantId}/incomes")
    ModelRecords.Participant incomes(@PathVariable long id, @PathVariable long participantId,
                                     @RequestBody ModelRecords.IncomeForm form) {
        return models.recordIncomes(id, participantId, form, CurrentUsers.requireEditor());
    }

    /**
     * Removes a participant from a model.
     * @param id id of the model
     * @param participantId id of the participant
     */
    @DeleteMapping("/{id}/participants/{participantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long id, @PathVariable long participantId) {
        models.removeParticipant(id, participantId, CurrentUsers.requireEditor());
    }
}
