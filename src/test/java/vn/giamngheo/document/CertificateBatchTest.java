package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch of certificates (a round's, about 3,300 in a commune of 10,000 households) is the certificates one after
 * another, each exactly as it is printed alone: the Word file's body, cut at the section breaks, is element for
 * element the body of each single certificate, and every section break carries the document's own page setup and
 * page-number headers. Guards the batch writer's speed-ups (issue 26 point 5: the section properties kept instead
 * of looked up in the whole body for every certificate) against any change of what is printed.
 */
class CertificateBatchTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vi", "en"})
    void aBatchIsEachCertificateAsPrintedAloneWithItsOwnSection(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        List<Certificate> certificates = List.of(DocumentFixture.certificate(),
                DocumentFixture.certificate("13", "Giàng Thị Mỷ 1", DocumentFixture.members(14)),
                DocumentFixture.certificate("", "Vàng Seo Phử", DocumentFixture.members(1)),
                DocumentFixture.certificate("15", "Lò Văn Páo", DocumentFixture.members(5)));

        List<List<String>> batch = DocxChecks.sections(CertificateDocx.renderAll(certificates, locale));

        assertThat(batch).as("one section per certificate").hasSize(certificates.size());
        for (int i = 0; i < certificates.size(); i++) {
            List<List<String>> alone = DocxChecks.sections(CertificateDocx.render(certificates.get(i), locale));
            assertThat(alone).hasSize(1);
            assertThat(batch.get(i)).as("certificate %d in the batch", i + 1).isEqualTo(alone.get(0));
        }
    }
}
