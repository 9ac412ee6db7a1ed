package vn.giamngheo.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Sample records with Vietnamese names full of diacritics. */
final class DocumentFixture {

    static final Commune NA_HAU = new Commune("Xã Nà Hẩu", "Huyện Văn Yên", "Tỉnh Yên Bái");
    static final Commune AFTER_REFORM = new Commune("Xã Mậu A", null, "Tỉnh Lào Cai");

    private DocumentFixture() {
    }

    static Certificate certificate(String number, String head, List<CertificateMember> members) {
        return new Certificate(NA_HAU, HouseholdList.POOR, number, 2027, head, null, "Thôn Nà Hẩu", "15250-00042",
                members, List.of(2027, 2028, 2029, 2030), LocalDate.of(2026, 12, 20), "Hoàng Văn Thắng");
    }

    static Certificate certificate() {
        return certificate("12", "Nguyễn Thị Hương", List.of(
                new CertificateMember("Nguyễn Thị Hương", 1978, "Chủ hộ"),
                new CertificateMember("Lò Văn Dũng", 1975, "Chồng"),
                new CertificateMember("Lò Thị Ngọc Ánh", 2009, "Con"),
                new CertificateMember("Lò Đức Huỳnh", 2014, "Con")));
    }

    static List<CertificateMember> members(int count) {
        List<CertificateMember> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            members.add(new CertificateMember("Giàng Thị Mỷ " + i, 1950 + i, i == 1 ? "Chủ hộ" : "Cháu"));
        }
        return members;
    }

    static MeetingMinutes minutes(List<DiscussedHousehold> households) {
        return new MeetingMinutes(NA_HAU, "Thôn Nà Hẩu", LocalDate.of(2026, 11, 5), "Nhà văn hóa thôn Nà Hẩu", 2027,
                "Hoàng Văn Thắng", "Đặng Thị Huyền Trâm", "Triệu Quốc Việt", 45, 50, households);
    }

    static MeetingMinutes minutes() {
        return minutes(List.of(
                new DiscussedHousehold("15250-00042", "Nguyễn Thị Hương", "Hộ nghèo", 30, 15),
                new DiscussedHousehold("15250-00043", "Vàng Seo Phử", "Hộ cận nghèo", 22, 23),
                new DiscussedHousehold("15250-00044", "Bế Thị Ửng", "Hộ thoát nghèo", 23, 20)));
    }

    static List<DiscussedHousehold> manyDiscussed(int count) {
        List<DiscussedHousehold> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(new DiscussedHousehold(String.format("15250-%05d", i), "Hầu Mí Dế " + i, "Hộ nghèo", 40, 5));
        }
        return list;
    }

    static DecisionAnnex annex() {
        return new DecisionAnnex(NA_HAU, "15/QĐ-UBND", LocalDate.of(2026, 12, 20), 2027,
                List.of(new AnnexHousehold("15250-00042", "Nguyễn Thị Hương", "Thôn Nà Hẩu", 4,
                                Set.of(HouseholdMark.ETHNIC_MINORITY)),
                        new AnnexHousehold("15250-00045", "Hoàng Văn Thắng", "Thôn Khe Ỏ", 6,
                                Set.of(HouseholdMark.ETHNIC_MINORITY, HouseholdMark.SOCIAL_PROTECTION)),
                        new AnnexHousehold("15250-00046", "Lý Thị Mẩy", "Thôn Nà Hẩu", 1, Set.of(HouseholdMark.SOCIAL_PROTECTION))),
                List.of(new AnnexHousehold("15250-00043", "Vàng Seo Phử", "Thôn Khe Ỏ", 5, Set.of(HouseholdMark.ETHNIC_MINORITY))),
                List.of(new AnnexHousehold("15250-00044", "Bế Thị Ửng", "Thôn Nà Hẩu", 3, Set.of())),
                List.of(), "Hoàng Văn Thắng");
    }
}
