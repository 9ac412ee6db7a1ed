package vn.giamngheo.movement;

import static java.time.LocalDate.of;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.giamngheo.movement.DecidedListsFixture.Commune;
import vn.giamngheo.movement.DecidedListsFixture.Decision;

/**
 * Three years of decided lists of two communes A and B (province 08) with known flows, and one household that
 * arrives from commune C of province 01. Codes name the story of each household:
 * <pre>
 *          lists 2018   lists 2019 (1/1)       during 2019                         lists 2020 (1/1)
 * A  H01   poor         poor                                                      near-poor  escaped poor, newly near-poor
 * A  H02   poor         average (escaped)                                          poor       re-poor
 * A  H03   -            -                                                          poor       newly poor
 * A  H04   -            poor                   absorbs H12 (1/9)                   poor       unchanged
 * A  H05   -            poor                   moves to B (10/5)                   (B) poor   departed from A, arrived in B
 * A  H06   -            poor                   dissolved (1/8)                     -          departed (dissolved)
 * A  H07   -            poor                   H08 splits off (1/7)                poor       unchanged
 * A  H08   -            -                      split from H07 (1/7)                poor       arrived (split, brings poor)
 * A  H09   -            near-poor                                                  near-poor  unchanged
 * A  H10   -            near-poor                                                  poor       escaped near-poor, newly poor
 * A  H11   near-poor    average                                                    near-poor  re-near-poor
 * A  H12   -            near-poor              merged into H04 (1/9)               -          departed near-poor (merged)
 * A  H13   poor         near-poor (escaped)                                        near-poor  newly escaped (36 months)
 * A  H15   -            -                      monthly decision 15/6: poor         (carried)  newly poor
 * C  H21   -            poor (province 01)     moves to A (1/3)                    (carried)  arrived in A (moved in)
 * B  H20   -            poor                                                       poor       unchanged
 * </pre>
 */
final class MovementScenario {

    final Commune a;
    final Commune b;
    final Commune c;
    final Map<String, Long> ids = new LinkedHashMap<>();
    final Decision a2018;
    final Decision a2019;
    final Decision a2020;
    final Decision aMonthly;
    final String tag;

    MovementScenario(DecidedListsFixture f, Commune a, Commune b, Commune c, String tag) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.tag = tag;
        for (String h : new String[] {"H01", "H02", "H03", "H04", "H05", "H06", "H07", "H08", "H09", "H10", "H11", "H12",
                "H13", "H15", "H20", "H21"}) {
            ids.put(h, f.newHouseholdId());
        }
        long village = f.village(a, "Thôn Nà " + tag);

        a2018 = f.decide(a, 2018, tag + "-A/2018", of(2017, 12, 10), true);
        list(f, a2018, "H01", village, "poor", null);
        list(f, a2018, "H02", village, "poor", null);
        list(f, a2018, "H11", village, "near_poor", null);
        list(f, a2018, "H13", village, "poor", null);

        a2019 = f.decide(a, 2019, tag + "-A/2019", of(2018, 12, 10), true);
        list(f, a2019, "H01", village, "poor", "poor");
        list(f, a2019, "H02", village, "average", "poor");
        list(f, a2019, "H04", village, "poor", null);
        list(f, a2019, "H05", village, "poor", null);
        list(f, a2019, "H06", village, "poor", null);
        list(f, a2019, "H07", village, "poor", null);
        list(f, a2019, "H09", village, "near_poor", null);
        list(f, a2019, "H10", village, "near_poor", null);
        list(f, a2019, "H11", village, "average", "near_poor");
        list(f, a2019, "H12", village, "near_poor", null);
        list(f, a2019, "H13", village, "near_poor", "poor");
        Decision b2019 = f.decide(b, 2019, tag + "-B/2019", of(2018, 12, 11), true);
        list(f, b2019, "H20", null, "poor", null);
        Decision c2019 = f.decide(c, 2019, tag + "-C/2019", of(2018, 12, 12), true);
        list(f, c2019, "H21", null, "poor", null);

        f.event(c.provinceCode(), id("H21"), "moved", of(2019, 3, 1), c.id(), a.id(), null, null);
        f.event(a.provinceCode(), id("H05"), "moved", of(2019, 5, 10), a.id(), b.id(), null, null);
        aMonthly = f.decide(a, 2019, tag + "-A/2019-06", of(2019, 6, 15), false);
        list(f, aMonthly, "H15", village, "poor", null);
        f.event(a.provinceCode(), id("H07"), "split_into", of(2019, 7, 1), null, null, id("H08"), a.provinceCode());
        f.event(a.provinceCode(), id("H08"), "split_from", of(2019, 7, 1), null, null, id("H07"), a.provinceCode());
        f.event(a.provinceCode(), id("H06"), "dissolved", of(2019, 8, 1), a.id(), null, null, null);
        f.event(a.provinceCode(), id("H12"), "merged_into", of(2019, 9, 1), null, null, id("H04"), a.provinceCode());
        f.event(a.provinceCode(), id("H04"), "absorbed", of(2019, 9, 1), null, null, id("H12"), a.provinceCode());

        a2020 = f.decide(a, 2020, tag + "-A/2020", of(2019, 12, 10), true);
        list(f, a2020, "H01", village, "near_poor", "poor");
        list(f, a2020, "H02", village, "poor", "average");
        list(f, a2020, "H03", village, "poor", null);
        list(f, a2020, "H04", village, "poor", "poor");
        list(f, a2020, "H07", village, "poor", "poor");
        list(f, a2020, "H08", village, "poor", null);
        list(f, a2020, "H09", village, "near_poor", "near_poor");
        list(f, a2020, "H10", village, "poor", "near_poor");
        list(f, a2020, "H11", village, "near_poor", "average");
        list(f, a2020, "H13", village, "near_poor", "near_poor");
        Decision b2020 = f.decide(b, 2020, tag + "-B/2020", of(2019, 12, 11), true);
        list(f, b2020, "H20", null, "poor", "poor");
        list(f, b2020, "H05", null, "poor", "poor");
    }

    long id(String h) {
        return ids.get(h);
    }

    String code(String h) {
        return tag + "-" + h;
    }

    private void list(DecidedListsFixture f, Decision d, String h, Long village, String status, String previous) {
        f.list(d, id(h), code(h), "Chủ hộ " + h, village, status, previous);
    }
}
