package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
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
