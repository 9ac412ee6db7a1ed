package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official documents as Word files: every run and the document default declare Times New Roman, A4 with Decree
 * 30's margins and heading (checked with Apache POI); LibreOffice opens each file and its text has the motto, the
 * number, the title, a household's name and the signature, on A4 pages of the right orientation.
 */
class OfficialDocxTest {

    private static final float A4_SHORT = 595f;
    private static final float A4_LONG = 842f;

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("annex", (Supplier<byte[]>) () -> DecisionAnnexDocx.render(DocumentFixture.annex(), null),
                        1, List.of("UBND HUYỆN VĂN YÊN", "UBND XÃ NÀ HẨU", "PHỤ LỤC",
                                "Danh sách hộ nghèo, hộ cận nghèo, hộ thoát nghèo, hộ thoát cận nghèo năm 2027",
                                "(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/12/2026 của Chủ tịch Ủy ban nhân dân xã Nà Hẩu)",
                                "I. Hộ nghèo", "1 15250-00042 Nguyễn Thị Hương Thôn Nà Hẩu 4 x",
                                "2 15250-00045 Hoàng Văn Thắng Thôn Khe Ỏ 6 x x", "Cộng: 3 hộ, 11 nhân khẩu",
                                "IV. Hộ thoát cận nghèo", "Không có hộ nào.", "Xã Nà Hẩu, ngày 20 tháng 12 năm 2026",
                                "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Ký, ghi rõ họ tên, đóng dấu)")),
                Arguments.of("certificates", (Supplier<byte[]>) () -> CertificateDocx.renderAll(List.of(
                                DocumentFixture.certificate(),
                                DocumentFixture.certificate("13", "Giàng Thị Mỷ 1", DocumentFixture.members(14))), null),
                        2, List.of("UBND XÃ NÀ HẨU", "Số: 12/GCN-HN", "Số: 13/GCN-HN", "GIẤY CHỨNG NHẬN HỘ NGHÈO", "Năm 2027",
                                "Xã Nà Hẩu, ngày 20 tháng 12 năm 2026", "Họ và tên chủ hộ: Nguyễn Thị Hương",
                                "Thôn Nà Hẩu, Xã Nà Hẩu, Huyện Văn Yên, Tỉnh Yên Bái", "Lò Thị Ngọc Ánh 2009 Con",
                                "Giàng Thị Mỷ 14", "Năm 2030", "TM. ỦY BAN NHÂN DÂN", "Hoàng Văn Thắng")),
                Arguments.of("minutes", (Supplier<byte[]>) () -> MeetingMinutesDocx.render(DocumentFixture.minutes(), null),
                        1, List.of("UBND XÃ NÀ HẨU", "THÔN NÀ HẨU", "BIÊN BẢN HỌP THÔN NÀ HẨU",
                                "Bình xét hộ nghèo, hộ cận nghèo năm 2027", "Thôn Nà Hẩu, ngày 05 tháng 11 năm 2026",
                                "Thư ký: Đặng Thị Huyền Trâm", "45/50 người được mời",
                                "1 15250-00042 Nguyễn Thị Hương Hộ nghèo 30 15 66,67% Đạt",
                                "2 15250-00043 Vàng Seo Phử Hộ cận nghèo 22 23 48,89% Không đạt",
                                "Có 2/3 hộ", "THƯ KÝ", "CHỦ TRÌ", "Hoàng Văn Thắng")),
                Arguments.of("minutes-en", (Supplier<byte[]>) () -> MeetingMinutesDocx.render(DocumentFixture.minutes(),
                                Locale.ENGLISH),
                        1, List.of("SOCIALIST REPUBLIC OF VIETNAM", "Disagree", "Agreement", "66.67%", "Đặng Thị Huyền Trâm")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void declaresTimesNewRomanOnEveryRunOnA4WithTheStatesMargins(String name, Supplier<byte[]> document, int pages,
                                                                 List<String> expected) throws IOException {
        DocxChecks.assertOfficial(document.get(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void libreOfficeOpensItAndReadsTheDocument(String name, Supplier<byte[]> document, int pages, List<String> expected)
            throws IOException {
        LibreOffice.require();
        Poppler.require();
        Path pdf = LibreOffice.convert(name + ".docx", document.get());
        String text = LibreOffice.text(pdf);
        if (!name.endsWith("-en")) {
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
        }
        assertThat(text).contains(expected);
        List<float[]> sizes = LibreOffice.pageSizes(pdf);
        assertThat(sizes).as("pages").hasSize(pages);
        for (float[] size : sizes) {
            assertThat(size[0]).as("page width").isCloseTo(A4_SHORT, org.assertj.core.data.Offset.offset(1f));
            assertThat(size[1]).as("page height").isCloseTo(A4_LONG, org.assertj.core.data.Offset.offset(1f));
        }
        assertThat(LibreOffice.renderPages(pdf)).isEqualTo(pages);
    }

    /** A commune of 8,000 households: an annex of 2,500 listed households and 600 certificates in one file. */
    @org.junit.jupiter.api.Test
    void aCommuneAtSizeIsWrittenInSeconds() throws IOException {
        List<AnnexHousehold> many = new java.util.ArrayList<>();
        List<Certificate> certificates = new java.util.ArrayList<>();
        for (int i = 1; i <= 2500; i++) {
            many.add(new AnnexHousehold(String.format("15250-%05d", i), "Giàng Thị Mỷ " + i, "Thôn Nà Hẩu " + (i % 25), 4,
                    java.util.Set.of(HouseholdMark.ETHNIC_MINORITY)));
            if (i <= 600) {
                certificates.add(DocumentFixture.certificate(String.valueOf(i), "Giàng Thị Mỷ " + i, DocumentFixture.members(5)));
            }
        }
        DecisionAnnex annex = new DecisionAnnex(DocumentFixture.NA_HAU, "15/QĐ-UBND", java.time.LocalDate.of(2026, 12, 20),
                2027, many.subList(0, 1500), many.subList(1500, 2200), many.subList(2200, 2500), List.of(), "Hoàng Văn Thắng");
        // CPU time of this thread, not wall time: the build machine is shared, and waiting for a core is not our cost
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        byte[] annexDocx = DecisionAnnexDocx.render(annex, null);
        long annexCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        long annexWall = (System.nanoTime() - wall) / 1_000_000;
        wall = System.nanoTime();
        cpu = threads.getCurrentThreadCpuTime();
        byte[] certificatesDocx = CertificateDocx.renderAll(certificates, null);
        long certificatesCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        long certificatesWall = (System.nanoTime() - wall) / 1_000_000;
        System.out.printf("DOCX at size: annex of 2,500 households %d ms CPU (%d ms wall), %d KB; "
                        + "600 certificates %d ms CPU (%d ms wall), %d KB%n", annexCpu, annexWall, annexDocx.length / 1024,
                certificatesCpu, certificatesWall, certificatesDocx.length / 1024);
        assertThat(annexCpu).as("annex of 2,500 households, ms of CPU").isLessThan(15_000);
        assertThat(certificatesCpu).as("600 certificates, ms of CPU").isLessThan(15_000);
        assertThat(DocxChecks.repeatedHeaderRows(annexDocx)).hasSize(1);
    }

    @org.junit.jupiter.api.Test
    void annexTableRepeatsItsHeaderRow() throws IOException {
        assertThat(DocxChecks.repeatedHeaderRows(DecisionAnnexDocx.render(DocumentFixture.annex(), null)))
                .containsExactly(List.of("TT", "Mã hộ", "Họ và tên chủ hộ", "Thôn", "Số thành viên", "DTTS", "BTXH"));
    }
}
