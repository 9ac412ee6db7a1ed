package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

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
    void aBatchIsEachCertificateAsPrintedAloneWithItsOwnSection(String language) throws IOException {
        Locale locale = Locale.forLanguageTag(language);
        List<Certificate> certificates = List.of(DocumentFixture.certificate(),
                DocumentFixture.certificate("13", "Giàng Thị Mỷ 1", DocumentFixture.members(14)),
                DocumentFixture.certificate("", "Vàng Seo Phử", DocumentFixture.members(1)),
                DocumentFixture.certificate("15", "Lò Văn Páo", DocumentFixture.members(5)));

        List<List<String>> batch = sections(CertificateDocx.renderAll(certificates, locale));

        assertThat(batch).as("one section per certificate").hasSize(certificates.size());
        for (int i = 0; i < certificates.size(); i++) {
            List<List<String>> alone = sections(CertificateDocx.render(certificates.get(i), locale));
            assertThat(alone).hasSize(1);
            assertThat(batch.get(i)).as("certificate %d in the batch", i + 1).isEqualTo(alone.get(0));
        }
    }

    /**
     * The body's elements cut into sections: a paragraph whose properties hold a section break ends a section (the
     * break itself is kept as its section properties); the body's own section properties end the last one.
     */
    private static List<List<String>> sections(byte[] docx) throws IOException {
        List<List<String>> sections = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> current = new ArrayList<>();
            try (XmlCursor cursor = doc.getDocument().getBody().newCursor()) {
                for (boolean more = cursor.toFirstChild(); more; more = cursor.toNextSibling()) {
                    XmlObject element = cursor.getObject();
                    if (element instanceof CTP p && p.isSetPPr() && p.getPPr().isSetSectPr()) {
                        current.add(p.getPPr().getSectPr().xmlText());
                        sections.add(current);
                        current = new ArrayList<>();
                    } else if (element instanceof CTSectPr s) {
                        current.add(s.xmlText());
                        sections.add(current);
                        current = new ArrayList<>();
                    } else {
                        current.add(element.xmlText());
                    }
                }
            }
            assertThat(current).as("nothing after the body's section properties").isEmpty();
        }
        return sections;
    }
}
