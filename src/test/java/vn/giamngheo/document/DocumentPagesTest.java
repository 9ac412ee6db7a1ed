package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document of the review (annex, certificate, batch of certificates, minutes) generated from the fixtures in
 * both languages, rendered to PNG by pdftoppm and checked for A4 portrait pages; the files stay in
 * {@code target/documents/} to be looked at.
 */
class DocumentPagesTest {

    @BeforeEach
    void pdftoppm() {
        PageImages.require();
    }

    static Stream<Arguments> documents() {
        Locale vi = DocumentLabels.VIETNAMESE;
        Locale en = Locale.ENGLISH;
        return Stream.of(
                Arguments.of("annex-vi", DecisionAnnexPdf.render(DocumentFixture.annex(), vi), 1),
                Arguments.of("annex-en", DecisionAnnexPdf.render(DocumentFixture.annex(), en), 1),
                Arguments.of("certificate-vi", CertificatePdf.render(DocumentFixture.certificate(), vi), 1),
                Arguments.of("certificate-en", CertificatePdf.render(DocumentFixture.certificate(), en), 1),
                Arguments.of("certificates-large-vi", CertificatePdf.renderAll(List.of(DocumentFixture.certificate(),
                        DocumentFixture.certificate("14", "Bế Thị Ửng", DocumentFixture.members(15))), vi), 2),
                Arguments.of("minutes-vi", MeetingMinutesPdf.render(DocumentFixture.minutes(), vi), 1),
                Arguments.of("minutes-en", MeetingMinutesPdf.render(DocumentFixture.minutes(), en), 1),
                Arguments.of("minutes-long-vi", MeetingMinutesPdf.render(DocumentFixture.minutes(
                        DocumentFixture.manyDiscussed(60)), vi), 3));
    }

    @Test
    void aLongTableKeepsEveryRowOnceAndItsHeaderOnEveryPage() throws Exception {
        Poppler.require();
        MeetingMinutes minutes = DocumentFixture.minutes(DocumentFixture.manyDiscussed(1_200));
        long start = System.nanoTime();
        byte[] pdf = MeetingMinutesPdf.render(minutes, DocumentLabels.VIETNAMESE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Path file = Poppler.save("minutes-1200.pdf", pdf);
        String text = Poppler.text(file);
        for (int i = 1; i <= 1_200; i++) {
            assertThat(text).as("household %d", i).contains(String.format("15250-%05d Hầu Mí Dế %d ", i, i));
        }
        int pages = new com.lowagie.text.pdf.PdfReader(pdf).getNumberOfPages();
        assertThat(pages).isGreaterThan(20);
        for (int page = 2; page < pages; page++) {
            assertThat(Poppler.pageText(file, page)).as("page %d", page).contains("Họ và tên chủ hộ");
        }
        System.out.printf("minutes of 1,200 households: %d pages in %d ms%n", pages, millis);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyPageIsA4PortraitWithTheBundledFont(String name, byte[] pdf, int atLeastPages) throws Exception {
        List<?> pages = PageImages.renderA4(name, pdf, false);
        if (name.startsWith("certificate")) {
            assertThat(pages).as("one page per household").hasSize(atLeastPages);
        } else {
            assertThat(pages).hasSizeGreaterThanOrEqualTo(atLeastPages);
        }
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("LiberationSerif", "/FontFile2", "/Identity-H").doesNotContain("DejaVu", "LiberationSans", "Helvetica");
    }
}
