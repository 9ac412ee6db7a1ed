package vn.giamngheo.household;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.BirthDate;
import vn.giamngheo.exchange.Coded;
import vn.giamngheo.exchange.Disability;
import vn.giamngheo.exchange.Education;
import vn.giamngheo.exchange.Employment;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.exchange.HousingQuality;
import vn.giamngheo.exchange.InfoDevice;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.exchange.PovertyCause;
import vn.giamngheo.exchange.Relation;
import vn.giamngheo.exchange.Sex;
import vn.giamngheo.exchange.Toilet;
import vn.giamngheo.exchange.WaterSource;

/** Converts between the registry's households and the exchange-format records (exchange-format §1). */
public final class ExchangeMapping {

    private ExchangeMapping() {
    }

    /** The household in the exchange format, as the pure classifier and analytics read it. */
    public static HouseholdData toData(Household h) {
        HouseholdRecord record = new HouseholdRecord(h.householdCode(), h.communeCode(), h.villageName(),
                h.area() == null ? null : code(Area.class, h.area()), h.address(), h.referenceDate(), h.incomePerCapita(),
                h.b1Score(), code(HousingQuality.class, h.housingQuality()), h.floorAreaM2(),
                code(WaterSource.class, h.waterSource()), code(Toilet.class, h.toilet()), h.internetUse(), h.telephoneUse(),
                codes(InfoDevice.class, h.infoDevices()), h.loudspeakerReach(), h.wasteTreatment(),
                codes(PovertyCause.class, h.causes()), h.ethnicMinority(), h.meritHousehold(), h.socialProtection());
        List<MemberRecord> members = h.members().stream().sorted(Comparator.comparingInt(Member::memberNo))
                .map(m -> new MemberRecord(h.householdCode(), h.communeCode(), m.memberNo(), m.fullName(), m.idNumber(),
                        m.birthYearOnly() ? BirthDate.yearOnly(m.birthDate().getYear()) : BirthDate.of(m.birthDate()),
                        code(Sex.class, m.sex()), m.ethnicity(), code(Relation.class, m.relation()),
                        code(Employment.class, m.employment()), m.workingCapacity(),
                        m.disability() == null ? null : code(Disability.class, m.disability()), m.monthlySocialAllowance(),
                        m.healthInsurance(), m.malnourished(), code(Education.class, m.education()), m.inSchool(),
                        m.schoolLevelAppropriate(), m.sickUntreated(), m.meritPerson()))
                .toList();
        return new HouseholdData(record, members);
    }

    /** A household as entered (not yet stored) in the exchange format, e.g. to write generated files. */
    static HouseholdData toData(HouseholdForm f, String villageName) {
        List<Member> members = new ArrayList<>();
        for (MemberForm m : f.keptMembers()) {
            BirthDateText birth = BirthDateText.parse(m.getBirthDate());
            members.add(new Member(0, m.getMemberNo(), m.getFullName(), m.getIdNumber(), birth.date(), birth.yearOnly(),
                    m.getSex(), m.getEthnicity(), m.getRelation(), m.getEmployment(), m.isWorkingCapacity(),
                    m.getDisability(), m.getMonthlySocialAllowance(), m.isHealthInsurance(), m.getMalnourished(),
                    m.getEducation(), m.isInSchool(), m.getSchoolLevelAppropriate(), m.getSickUntreated(), m.getMeritPerson()));
        }
        Household h = new Household(0, null, f.getHouseholdCode(), 0, f.getCommuneCode(), null, null, null, villageName,
                f.getArea() == null || f.getArea().isBlank() ? null : f.getArea(), f.getAddress(), null,
                f.getIncomePerCapita(), f.getB1Score(), f.getHousingQuality(), f.getFloorAreaM2(), f.getWaterSource(),
                f.getToilet(), f.isInternetUse(), f.getTelephoneUse(), f.getInfoDevices(), f.getLoudspeakerReach(),
                f.getWasteTreatment(), f.getCauses(), f.getEthnicMinority(), f.getMeritHousehold(), f.getSocialProtection(),
                "active", 0, members);
        return toData(h);
    }

    /** The form of a household read from the exchange format (not yet stored), in the given village. */
    public static HouseholdForm toForm(HouseholdData data, Long villageId) {
        HouseholdRecord r = data.household();
        HouseholdForm f = new HouseholdForm();
        f.setHouseholdCode(r.householdCode());
        f.setCommuneCode(r.communeCode());
        f.setVillageId(villageId);
        f.setArea(r.area() == null ? null : r.area().code());
        f.setAddress(r.address());
        f.setIncomePerCapita(r.incomePerCapita());
        f.setB1Score(r.b1Score());
        f.setHousingQuality(r.housingQuality().code());
        f.setFloorAreaM2(r.floorAreaM2());
        f.setWaterSource(r.waterSource().code());
        f.setToilet(r.toilet().code());
        f.setInternetUse(r.internetUse());
        f.setTelephoneUse(r.telephoneUse());
        f.setInfoDevices(new ArrayList<>(r.infoDevices().stream().map(Coded::code).sorted().toList()));
        f.setLoudspeakerReach(r.loudspeakerReach());
        f.setWasteTreatment(r.wasteTreatment());
        f.setCauses(new ArrayList<>(r.causes().stream().map(Coded::code).sorted().toList()));
        f.setEthnicMinority(r.ethnicMinority());
        f.setMeritHousehold(r.meritHousehold());
        f.setSocialProtection(r.socialProtection());
        List<MemberForm> members = new ArrayList<>();
        for (MemberRecord m : data.members()) {
            MemberForm mf = new MemberForm();
            mf.setMemberNo(m.memberNo());
            mf.setFullName(m.fullName());
            mf.setIdNumber(m.idNumber());
            mf.setBirthDate(m.birthDate().isYearOnly() ? String.valueOf(m.birthDate().year()) : m.birthDate().assumedDate().toString());
            mf.setSex(m.sex().code());
            mf.setEthnicity(m.ethnicity());
            mf.setRelation(m.relation().code());
            mf.setEmployment(m.employment().code());
            mf.setWorkingCapacity(m.workingCapacity());
            mf.setDisability(m.disability() == null ? null : m.disability().code());
            mf.setMonthlySocialAllowance(m.monthlySocialAllowance());
            mf.setHealthInsurance(m.healthInsurance());
            mf.setMalnourished(m.malnourished());
            mf.setEducation(m.education().code());
            mf.setInSchool(m.inSchool());
            mf.setSchoolLevelAppropriate(m.schoolLevelAppropriate());
            mf.setSickUntreated(m.sickUntreated());
            mf.setMeritPerson(m.meritPerson());
            members.add(mf);
        }
        f.setMembers(members);
        return f;
    }

    static <E extends Enum<E> & Coded> E code(Class<E> type, String text) {
        return Coded.fromCode(type, text).orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " " + text));
    }

    private static <E extends Enum<E> & Coded> Set<E> codes(Class<E> type, List<String> texts) {
        Set<E> set = EnumSet.noneOf(type);
        texts.forEach(t -> set.add(code(type, t)));
        return set;
    }
}
