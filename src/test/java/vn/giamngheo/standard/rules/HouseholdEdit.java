package vn.giamngheo.standard.rules;

import java.math.BigDecimal;
import java.util.Set;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.exchange.HousingQuality;
import vn.giamngheo.exchange.InfoDevice;
import vn.giamngheo.exchange.Toilet;
import vn.giamngheo.exchange.WaterSource;

/** Test helper: a copy of a household record with some facts changed. */
final class HouseholdEdit {

    private final HouseholdRecord h;
    private Long income;
    private BigDecimal b1;
    private HousingQuality housing;
    private BigDecimal floor;
    private WaterSource water;
    private Toilet toilet;
    private boolean internet;
    private Boolean telephone;
    private Set<InfoDevice> devices;
    private Boolean loudspeaker;
    private Boolean waste;
    private Boolean socialProtection;

    HouseholdEdit(HouseholdRecord h) {
        this.h = h;
        income = h.incomePerCapita();
        b1 = h.b1Score();
        housing = h.housingQuality();
        floor = h.floorAreaM2();
        water = h.waterSource();
        toilet = h.toilet();
        internet = h.internetUse();
        telephone = h.telephoneUse();
        devices = h.infoDevices();
        loudspeaker = h.loudspeakerReach();
        waste = h.wasteTreatment();
        socialProtection = h.socialProtection();
    }

    HouseholdEdit income(Long value) { income = value; return this; }
    HouseholdEdit housing(HousingQuality value) { housing = value; return this; }
    HouseholdEdit floor(BigDecimal value) { floor = value; return this; }
    HouseholdEdit water(WaterSource value) { water = value; return this; }
    HouseholdEdit toilet(Toilet value) { toilet = value; return this; }
    HouseholdEdit internet(boolean value) { internet = value; return this; }
    HouseholdEdit telephone(Boolean value) { telephone = value; return this; }
    HouseholdEdit devices(Set<InfoDevice> value) { devices = value; return this; }
    HouseholdEdit loudspeaker(Boolean value) { loudspeaker = value; return this; }
    HouseholdEdit waste(Boolean value) { waste = value; return this; }
    HouseholdEdit socialProtection(Boolean value) { socialProtection = value; return this; }

    HouseholdRecord build() {
        return new HouseholdRecord(h.householdCode(), h.communeCode(), h.village(), h.area(), h.address(),
                h.referenceDate(), income, b1, housing, floor, water, toilet, internet, telephone, devices,
                loudspeaker, waste, h.causes(), h.ethnicMinority(), h.meritHousehold(), socialProtection);
    }
}
