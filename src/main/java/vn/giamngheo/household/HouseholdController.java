package vn.giamngheo.household;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** Pages of the household register: list with search and filters, detail, create, edit. */
@Controller
@RequestMapping("/households")
class HouseholdController {

    static final String LIST = "households/list";
    static final String DETAIL = "households/detail";
    static final String FORM = "households/form";
    private static final int PAGE_SIZE = 50;

    private final HouseholdRegistry registry;
    private final HouseholdLifeEvents events;
    private final Communes communes;
    private final java.time.Clock clock;
    private final HouseholdClassifier classifier;

    HouseholdController(HouseholdRegistry registry, HouseholdLifeEvents events, Communes communes, java.time.Clock clock,
                        HouseholdClassifier classifier) {
        this.classifier = classifier;
        this.registry = registry;
        this.events = events;
        this.communes = communes;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long villageId,
                @RequestParam(defaultValue = "") String lifeStatus, @RequestParam(defaultValue = "") String povertyStatus,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "code") String sort,
                @RequestParam(defaultValue = "asc") String dir, Model model) {
        CurrentUser user = CurrentUsers.require();
        HouseholdQuery query = new HouseholdQuery(q, null, villageId, lifeStatus, povertyStatus, page, PAGE_SIZE, sort,
                "desc".equalsIgnoreCase(dir));
        List<HouseholdSummary> rows = registry.search(query, user);
        long total = registry.count(query, user);
        model.addAttribute("query", query);
        model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("total", total);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("villages", communes.villages(null, user.scope()));
        return LIST;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Household household = registry.get(id, user);
        model.addAttribute("household", household.visibleTo(user.seesIdentityNumbers()));
        model.addAttribute("classification", classifier.view(household, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("events", events.events(id, user));
        return DETAIL;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        HouseholdForm form = new HouseholdForm();
        MemberForm head = new MemberForm();
        head.setRelation("head");
        head.setMemberNo(1);
        form.getMembers().add(head);
        List<Communes.CommuneChoice> choices = communes.communesInScope(CurrentUsers.require().scope(), java.time.LocalDate.now(clock));
        if (choices.size() == 1) {
            form.setCommuneCode(choices.get(0).code());
        }
        return showForm(form, null, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") HouseholdForm form, BindingResult binding,
                  @RequestParam(required = false) String addMember, Model model, RedirectAttributes redirect) {
        if (addMember != null || binding.hasErrors()) {
            return reshow(form, null, binding, addMember != null, model);
        }
        try {
            Household saved = registry.create(form, CurrentUsers.requireEditor());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/households/" + saved.id();
        } catch (InvalidHouseholdException e) {
            e.problems().forEach(p -> binding.rejectValue(fieldOf(p), p.messageKey(), p.args().toArray(), p.messageKey()));
            return showForm(form, null, model);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Household h = registry.get(id, user);
        return showForm(HouseholdForm.of(h.visibleTo(user.seesIdentityNumbers())), id, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") HouseholdForm form, BindingResult binding,
                  @RequestParam(required = false) String addMember, Model model, RedirectAttributes redirect) {
        if (addMember != null || binding.hasErrors()) {
            return reshow(form, id, binding, addMember != null, model);
        }
        try {
            registry.update(id, form, CurrentUsers.requireEditor());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/households/" + id;
        } catch (InvalidHouseholdException e) {
            e.problems().forEach(p -> binding.rejectValue(fieldOf(p), p.messageKey(), p.args().toArray(), p.messageKey()));
            return showForm(form, id, model);
        } catch (ConcurrentEditException e) {
            model.addAttribute("conflict", e.current());
            HouseholdForm fresh = HouseholdForm.of(e.current().visibleTo(CurrentUsers.require().seesIdentityNumbers()));
            model.addAttribute("mine", form);
            return showForm(fresh, id, model);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        registry.delete(id, version, CurrentUsers.requireEditor());
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/households";
    }

    private String reshow(HouseholdForm form, Long id, BindingResult binding, boolean addMember, Model model) {
        if (addMember) {
            MemberForm m = new MemberForm();
            m.setMemberNo(form.getMembers().stream().map(MemberForm::getMemberNo).filter(n -> n != null)
                    .mapToInt(Integer::intValue).max().orElse(0) + 1);
            m.setRelation("child");
            form.getMembers().add(m);
        }
        return showForm(form, id, model);
    }

    private String showForm(HouseholdForm form, Long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("form", form);
        model.addAttribute("householdId", id);
        model.addAttribute("communes", communes.communesInScope(user.scope(), java.time.LocalDate.now(clock)));
        model.addAttribute("villages", communes.villages(null, user.scope()));
        model.addAttribute("codes", new CodeLists());
        return FORM;
    }

    private static String fieldOf(FieldProblem p) {
        return p.field().equals("members") || p.field().equals("version") || p.field().equals("lifeStatus")
                || p.field().equals("remainingHeadMemberNo") || p.field().equals("intoId") ? null : p.field();
    }

    /** The code lists for the form's select boxes. */
    static final class CodeLists {
        public List<String> getHousingQuality() { return HouseholdCodes.HOUSING_QUALITY; }
        public List<String> getWaterSources() { return HouseholdCodes.WATER_SOURCES; }
        public List<String> getToilets() { return HouseholdCodes.TOILETS; }
        public List<String> getInfoDevices() { return HouseholdCodes.INFO_DEVICES; }
        public List<String> getCauses() { return HouseholdCodes.CAUSES; }
        public List<String> getRelations() { return HouseholdCodes.RELATIONS; }
        public List<String> getEmployment() { return HouseholdCodes.EMPLOYMENT; }
        public List<String> getEducation() { return HouseholdCodes.EDUCATION; }
        public List<String> getDisability() { return HouseholdCodes.DISABILITY; }
        public List<String> getEthnicities() { return HouseholdCodes.ETHNICITIES; }
    }
}
