package vn.giamngheo.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;

/**
 * The household register (sổ quản lý hộ): create, read, change and remove households and their members,
 * always inside the user's area, never losing a concurrent update. Every change is audited by the
 * database's triggers.
 */
@Service
public class HouseholdRegistry {

    private final HouseholdRepository households;
    private final Communes communes;
    private final Clock clock;
    private final List<HouseholdChangeListener> listeners;

    HouseholdRegistry(HouseholdRepository households, Communes communes, Clock clock,
                      List<HouseholdChangeListener> listeners) {
        this.households = households;
        this.communes = communes;
        this.clock = clock;
        this.listeners = listeners;
    }

    public Household get(long id, CurrentUser user) {
        return households.find(id, user.scope()).orElseThrow(() -> new HouseholdNotFoundException(id));
    }

    public List<HouseholdSummary> search(HouseholdQuery query, CurrentUser user) {
        return households.search(query, user.scope());
    }

    /** How many households a search finds in the user's area (for the list's count and pages). */
    public long count(HouseholdQuery query, CurrentUser user) {
        return households.count(query, user.scope());
    }

    public List<Household> exportCommune(long communeId, CurrentUser user) {
        return households.inCommune(communeId, user.scope());
    }

    /**
     * Every active household of a unit's subtree (commune, province or the whole country) that the user may
     * see, with members, handed one at a time in commune and code order (bounded memory).
     */
    @Transactional(readOnly = true)
    public void forEachInUnit(long unitId, CurrentUser user, java.util.function.Consumer<Household> consumer) {
        households.forEachInUnit(unitId, user.scope(), consumer);
    }

    /**
     * The active households of one village of a commune (of the province {@code provinceCode}) that the user may
     * see, with members, in code order: one village in memory at a time (the field app's download).
     */
    @Transactional(readOnly = true)
    public void forEachInVillage(String provinceCode, long communeId, long villageId, CurrentUser user,
                                 java.util.function.Consumer<Household> consumer) {
        households.inVillage(provinceCode, communeId, villageId, user.scope()).forEach(consumer);
    }

    @Transactional
    public Household create(HouseholdForm form, CurrentUser user) {
        requireEditor(user);
        return insert(form, user);
    }

    /**
     * Adds a household captured in the field ({@link #create}'s rules) by an editor or by a helper surveying a village
     * assigned to them: the caller has checked the assignment.
     */
    @Transactional
    public Household createCaptured(HouseholdForm form, CurrentUser user) {
        if (!user.isHelper()) {
            requireEditor(user);
        }
        return insert(form, user);
    }

    private Household insert(HouseholdForm form, CurrentUser user) {
        numberMembers(form);
        CommuneRef commune = validate(form, null, user.scope());
        long id;
        try {
            id = households.insert(commune.provinceCode(), commune.id(), form, null);
        } catch (DuplicateKeyException e) {
            throw duplicateCode(form);
        }
        afterChange(id, user);
        return get(id, user);
    }

    /**
     * Saves an edit made from {@code form.version}. Properties the client did not give keep their stored values
     * ({@link HouseholdForm#keepStoredWhereAbsent}); a save that changes nothing writes nothing (no new version,
     * no audit row).
     */
    @Transactional
    public Household update(long id, HouseholdForm form, CurrentUser user) {
        requireEditor(user);
        return save(id, form, user);
    }

    /**
     * Saves an edit captured in the field ({@link #update}'s rules and version check) by an editor or by a helper
     * surveying a village assigned to them: the caller has checked the assignment.
     */
    @Transactional
    public Household updateCaptured(long id, HouseholdForm form, CurrentUser user) {
        if (!user.isHelper()) {
            requireEditor(user);
        }
        return save(id, form, user);
    }

    private Household save(long id, HouseholdForm form, CurrentUser user) {
        Household current = get(id, user);
        if (form.getVersion() == null) {
            throw new InvalidHouseholdException(List.of(new FieldProblem("version", "validation.required", List.of(""), null)));
        }
        if (form.getVersion() != current.version()) {
            throw new ConcurrentEditException(current);
        }
        form.keepStoredWhereAbsent(current);
        numberMembers(form);
        restoreMaskedIdentityNumbers(form, current);
        CommuneRef commune = validate(form, id, user.scope());
        if (!commune.provinceCode().equals(current.provinceCode()) || commune.id() != current.communeId()) {
            throw new InvalidHouseholdException(List.of(new FieldProblem("communeCode", "validation.use-move",
                    List.of(form.getCommuneCode()), form.getCommuneCode())));
        }
        if (HouseholdRepository.sameAsStored(form, commune.id(), current)) {
            return current;
        }
        try {
            if (!households.update(id, current.provinceCode(), commune.id(), form, form.getVersion())) {
                throw new ConcurrentEditException(get(id, user));
            }
            households.replaceMembers(current.provinceCode(), id, form.keptMembers(), current.members());
        } catch (DuplicateKeyException e) {
            throw duplicateCode(form);
        }
        afterChange(id, user);
        return get(id, user);
    }

    @Transactional
    public void delete(long id, int version, CurrentUser user) {
        requireEditor(user);
        Household current = get(id, user);
        if (current.version() != version) {
            throw new ConcurrentEditException(current);
        }
        households.delete(id, current.provinceCode());
    }

    /** Classifies every active household again (after loading data in bulk or changing a standard). */
    @Transactional
    public int reclassifyAll() {
        return reclassify(households.activeIds());
    }

    /** Classifies the households stored by one import. */
    @Transactional
    public void reclassifyImport(long importId) {
        reclassify(households.idsOfImport(importId));
    }

    private int reclassify(List<Long> ids) {
        for (long id : ids) {
            Household h = households.find(id, AccessScope.NATIONAL).orElseThrow();
            listeners.forEach(l -> l.householdChanged(h));
        }
        return ids.size();
    }

    private CommuneRef validate(HouseholdForm form, Long id, AccessScope scope) {
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>(new HouseholdValidator(today, households::identityNumberTakenElsewhere)
                .validate(form, id));
        CommuneRef commune = null;
        if (form.getCommuneCode() != null && form.getCommuneCode().strip().matches("\\d{5}")) {
            commune = communes.onDate(form.getCommuneCode().strip(), today).orElse(null);
            if (commune == null) {
                problems.add(new FieldProblem("communeCode", "validation.commune-unknown",
                        List.of(form.getCommuneCode(), today), form.getCommuneCode()));
            } else if (!scope.contains(commune.path())) {
                problems.add(new FieldProblem("communeCode", "validation.commune-outside-scope",
                        List.of(form.getCommuneCode()), form.getCommuneCode()));
            } else if (form.getVillageId() != null && !communes.villageOf(form.getVillageId(), commune.id())) {
                problems.add(new FieldProblem("villageId", "validation.village-not-in-commune",
                        List.of(String.valueOf(form.getVillageId())), String.valueOf(form.getVillageId())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidHouseholdException(problems);
        }
        return commune;
    }

    /**
     * Users who see identity numbers masked send them back masked: a masked number that matches the stored
     * member's number is that number, unchanged.
     */
    private static void restoreMaskedIdentityNumbers(HouseholdForm form, Household current) {
        for (MemberForm m : form.keptMembers()) {
            String sent = m.getIdNumber();
            if (sent == null || !sent.startsWith("********")) {
                continue;
            }
            current.members().stream()
                    .filter(stored -> stored.idNumber() != null && sent.equals(stored.maskedIdNumber()))
                    .filter(stored -> m.getMemberNo() == null || stored.memberNo() == m.getMemberNo())
                    .findFirst()
                    .ifPresent(stored -> m.setIdNumber(stored.idNumber()));
        }
    }

    /** Members without a number get the next free one. */
    private static void numberMembers(HouseholdForm form) {
        int next = form.keptMembers().stream().map(MemberForm::getMemberNo).filter(n -> n != null)
                .mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (MemberForm m : form.keptMembers()) {
            if (m.getMemberNo() == null) {
                m.setMemberNo(next++);
            }
        }
    }

    private void afterChange(long id, CurrentUser user) {
        Household saved = get(id, user);
        listeners.forEach(l -> l.householdChanged(saved));
    }

    private static InvalidHouseholdException duplicateCode(HouseholdForm form) {
        return new InvalidHouseholdException(List.of(new FieldProblem("householdCode", "validation.household-code-taken",
                List.of(form.getHouseholdCode()), form.getHouseholdCode())));
    }

    private static void requireEditor(CurrentUser user) {
        if (!user.canEdit()) {
            throw new AccessDeniedException("role " + user.role() + " may not change households");
        }
    }
}
