package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.system.ErrorBodySanitizer;
import vn.giamngheo.system.InvalidInputFilter;

/**
 * Issue 17: input no page can use is answered 400 by {@link InvalidInputFilter} before any controller sees it, a
 * direct {@code /error} 404, and error bodies never quote library exceptions, class names or server paths
 * ({@link ErrorBodySanitizer}); ordinary input and the modules' own messages pass unchanged.
 */
class InvalidInputRulesTest {

    private static MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new InvalidInputFilter(null).doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(299); // passed on
        }
        return response;
    }

    @ParameterizedTest(name = "query {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "q=abc|299",
            "q=Gi%C3%A0ng%20Seo|299",
            "q=a%0Ab%09c|299",
            "q=%00|400",
            "q=a%00b|400",
            "q=%01|400",
            "q=%7F|400",
            "q=%zz|400",
            "q=%|400",
            "q=%4|400",
            "q=%C3|400",
            "q=%FF%FE|400",
            "q=%ED%A0%80|400"})
    void rawQueryStrings(String query, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/households");
        request.setQueryString(query);
        assertThat(run(request).getStatus()).isEqualTo(status);
    }

    @ParameterizedTest(name = "parameter value #{index} → {1}")
    @CsvSource(delimiter = '|', value = {
            "plain|299",
            "a\u0000b|400",
            "a\u001Bb|400",
            "\uFFFD|400",
            "\uD800|400",
            "\uDC00x|400",
            "\uD83D\uDE00|299"})
    void decodedParameterValues(String value, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/households");
        request.addParameter("note", value);
        assertThat(run(request).getStatus()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {InvalidInputFilter.MAX_PARAMETER_CHARS, InvalidInputFilter.MAX_PARAMETER_CHARS + 1})
    void overLongParameters(int length) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/households");
        request.addParameter("note", "a".repeat(length));
        assertThat(run(request).getStatus()).isEqualTo(length > InvalidInputFilter.MAX_PARAMETER_CHARS ? 400 : 299);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/households/%00", "/households/%zz", "/api/v1/households/1%C3"})
    void badAddresses(String uri) throws Exception {
        assertThat(run(new MockHttpServletRequest("GET", uri)).getStatus()).isEqualTo(400);
    }

    @org.junit.jupiter.api.Test
    void parameterNamesAreCheckedToo() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/households");
        request.addParameter("q\u0000", "x");
        assertThat(run(request).getStatus()).isEqualTo(400);
    }

    @org.junit.jupiter.api.Test
    void theApiGetsJsonThatQuotesNothingOfTheInput() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/households");
        request.addParameter("q", "secret\u0000");
        MockHttpServletResponse response = run(request);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode body = JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("error").asString()).doesNotContain("secret");
    }

    @org.junit.jupiter.api.Test
    void errorAskedDirectlyIsNotFound() throws Exception {
        assertThat(run(new MockHttpServletRequest("GET", "/error")).getStatus()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "JSON parse error: Cannot deserialize value of type `java.time.LocalDate` from String \"x\"|true",
            "the request could not be read: tools.jackson.core.exc.StreamReadException: Unexpected character|true",
            "org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException: No valid entries|true",
            "Unexpected end of file [Source: REDACTED; line: 1]|true",
            "could not write /tmp/tomcat.8150.123/work/upload_1.tmp|true",
            "Failed to convert value of type 'java.lang.String' to required type 'long'|true",
            "error at org.apache.xmlbeans.impl.Foo|true",
            "    at vn.giamngheo.Foo.bar(Foo.java:12)|true",
            "the request could not be read: JSON parse error: Cannot deserialize value of type `int` from String \"x\"|true",
            "ERROR: duplicate key value violates unique constraint \"review_application_one_open_idx\"|true",
            "The supplied data appears to be in the OLE2 Format. You are calling the part of POI that deals with OOXML|true",
            "parameter 'year' is 'abc': expected a number|false",
            "the body must be JSON with the documented fields (dates as YYYY-MM-DD)|false",
            "household 12 in round 3|false",
            "Số CCCD đã được đăng ký. Hãy hỏi cán bộ cấp tỉnh.|false",
            "see /api/v1/openapi|false"})
    void errorTextsThatQuoteInternalsAreReplaced(String text, boolean replaced) {
        String cleaned = ErrorBodySanitizer.cleanClientError(text);
        assertThat(!cleaned.equals(text)).isEqualTo(replaced);
    }

    @org.junit.jupiter.api.Test
    void theShapeOfAnErrorBodyIsKept() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode tree = json.valueToTree(Map.of("status", 400, "error", "the request could not be read: java.io.EOFException",
                "problems", java.util.List.of(Map.of("field", "file", "message", "org.apache.poi.Foo: broken"),
                        Map.of("field", "year", "message", "year is required"))));
        assertThat(ErrorBodySanitizer.sanitizeClientError(tree)).isTrue();
        assertThat(tree.get("status").asInt()).isEqualTo(400);
        assertThat(tree.get("error").asString()).isEqualTo("the request is not valid");
        assertThat(tree.get("problems").get(0).get("field").asString()).isEqualTo("file");
        assertThat(tree.get("problems").get(0).get("message").asString()).isEqualTo("the request is not valid");
        assertThat(tree.get("problems").get(1).get("message").asString()).isEqualTo("year is required");
    }
}
