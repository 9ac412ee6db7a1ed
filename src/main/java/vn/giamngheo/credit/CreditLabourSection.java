package vn.giamngheo.credit;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.labour.LabourRecords;
import vn.giamngheo.labour.Workers;

/**
 * The credit and labour-export section of the report set (issue 24 points 1–2): for a unit's area on the report's
 * day, by unit one level down, the loans of each lending programme (with a balance, their households, outstanding
 * and overdue balances, the overdue share, and the loans disbursed in the period) and the workers abroad by
 * destination country (abroad on the day, departed and back in the period); the period runs from 1 January of the
 * day's year to the day.
 */
@Service
public class CreditLabourSection {

    /** The section: the programmes and countries that have figures (in the catalogues' order), and the rows. */
    public record Section(LocalDate from, LocalDate on, List<CreditRecords.Programme> programmes,
                          List<LabourRecords.Country> countries, List<Loans.ProgrammeRow> loans,
                          List<Workers.CountryRow> workers) {
    }

    private final Loans loans;
    private final Workers workers;

    CreditLabourSection(Loans loans, Workers workers) {
        this.loans = loans;
        this.workers = workers;
    }

    /**
     * The section of a unit's area on a day.
     *
     * @param area the unit's subtree (the caller has checked it lies in the user's area); for a village, its commune's
     * @param level the unit's level, null for the country
     * @param depth how many units the unit's path names (1 for a province), 0 for the country
     * @param villageId the village of a village's section, else null
     */
    @Transactional(readOnly = true)
    public Section section(AreaFilter area, String level, int depth, Long villageId, LocalDate on) {
        LocalDate from = on.withDayOfYear(1);
        List<Loans.ProgrammeRow> l = loans.section(area, level, depth, villageId, from, on);
        List<Workers.CountryRow> w = workers.section(area, Loans.rowUnit(level, depth), villageId, from, on);
        Set<String> programmes = new LinkedHashSet<>();
        l.forEach(r -> programmes.add(r.programme()));
        Set<String> countries = new LinkedHashSet<>();
        w.forEach(r -> countries.add(r.country()));
        return new Section(from, on, loans.programmes().stream().filter(p -> programmes.contains(p.code())).toList(),
                workers.countries().stream().filter(c -> countries.contains(c.code())).toList(), l, w);
    }
}
