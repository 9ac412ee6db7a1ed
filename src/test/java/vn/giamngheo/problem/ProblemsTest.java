package vn.giamngheo.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which entry of the catalogue each kind of error is answered with, and what the answer says. */
class ProblemsTest {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final Problems problems = new Problems(messages);

    ProblemsTest() {
        messages.addMessage("problem.GN-1003", Locale.ENGLISH, "The parameter {0} is required.");
        messages.addMessage("problem.GN-1003", Locale.forLanguageTag("vi-VN"), "Thiếu tham số {0}.");
        messages.addMessage("problem.status.400", Locale.ENGLISH, "Invalid request");
        messages.addMessage("problem.status.400", Locale.forLanguageTag("vi-VN"), "Yêu cầu không hợp lệ");
    }

    @ResponseStatus(HttpStatus.GONE)
    static class Gone extends RuntimeException {
    }

    static class Coded extends RuntimeException implements ErrorCoded {
        Coded() {
            super("household 7 not found");
        }

        @Override
        public ErrorCode errorCode() {
            return ErrorCode.HOUSEHOLD_NOT_FOUND;
        }
    }

    static Stream<Arguments> errors() throws Exception {
        return Stream.of(
                Arguments.of(new MissingServletRequestParameterException("year", "int"), ErrorCode.MISSING_PARAMETER),
                Arguments.of(new org.springframework.web.method.annotation.MethodArgumentTypeMismatchException("abc", Long.class,
                        "id", null, new NumberFormatException("For input string")), ErrorCode.BAD_PARAMETER),
                Arguments.of(new HttpMessageNotReadableException("JSON parse error: Unexpected character",
                        new MockHttpInputMessage(new byte[0])), ErrorCode.UNREADABLE_BODY),
                Arguments.of(new MaxUploadSizeExceededException(10), ErrorCode.TOO_LARGE),
                Arguments.of(new MultipartException("Current request is not a multipart request"), ErrorCode.NOT_MULTIPART),
                Arguments.of(new HttpRequestMethodNotSupportedException("PATCH", List.of("GET")), ErrorCode.METHOD_NOT_ALLOWED),
                Arguments.of(new HttpMediaTypeNotAcceptableException("no"), ErrorCode.NOT_ACCEPTABLE),
                Arguments.of(new HttpMediaTypeNotSupportedException("no"), ErrorCode.UNSUPPORTED_MEDIA_TYPE),
                Arguments.of(new NoResourceFoundException(org.springframework.http.HttpMethod.GET, "/api/v1/x", "api/v1/x"), ErrorCode.NOT_FOUND),
                Arguments.of(new AccessDeniedException("Access Denied"), ErrorCode.FORBIDDEN),
                Arguments.of(new InsufficientAuthenticationException("Full authentication"), ErrorCode.AUTHENTICATION_REQUIRED),
                Arguments.of(new org.springframework.dao.OptimisticLockingFailureException("stale"), ErrorCode.CONFLICT),
                Arguments.of(new ResponseStatusException(HttpStatus.NOT_FOUND, "no unit 5"), ErrorCode.NOT_FOUND),
                Arguments.of(new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT), ErrorCode.UNPROCESSABLE),
                Arguments.of(new ResponseStatusException(HttpStatus.CONFLICT), ErrorCode.CONFLICT),
                Arguments.of(new IllegalArgumentException("unknown level 'hamlet'"), ErrorCode.BAD_REQUEST),
                Arguments.of(new Gone(), ErrorCode.BAD_REQUEST),
                Arguments.of(new Coded(), ErrorCode.HOUSEHOLD_NOT_FOUND),
                Arguments.of(new RuntimeException("wrapped", new Coded()), ErrorCode.HOUSEHOLD_NOT_FOUND),
                Arguments.of(new IllegalStateException("boom at /work/x.java"), ErrorCode.INTERNAL),
                Arguments.of(new NullPointerException(), ErrorCode.INTERNAL));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void eachErrorHasItsEntry(Exception e, ErrorCode expected) {
        assertThat(problems.classify(e).code()).isEqualTo(expected);
    }

    @Test
    void aMethodNotAllowedNamesTheAllowedOnes() {
        var c = problems.classify(new HttpRequestMethodNotSupportedException("PATCH", List.of("GET")));
        assertThat(c.headers().getAllow()).extracting(Object::toString).containsExactly("GET");
    }

    @Test
    void theBodyHasTheMembersOfRfc9457AndTheCodeAndQuotesNoInternals() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/movements");
        request.addHeader("Accept-Language", "en-US,en;q=0.9");
        request.addPreferredLocale(Locale.US);
        MockHttpServletResponse response = new MockHttpServletResponse();
        problems.write(request, response, problems.classify(new MissingServletRequestParameterException("year", "int")));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode body = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(body.get("type").asString()).isEqualTo("urn:giamngheo:problem:GN-1003");
        assertThat(body.get("title").asString()).isEqualTo("Invalid request");
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("detail").asString()).isEqualTo("The parameter year is required.");
        assertThat(body.get("instance").asString()).startsWith("urn:giamngheo:occurrence:").doesNotContain("/api");
        assertThat(body.get("code").asString()).isEqualTo("GN-1003");
        assertThat(body.get("message").asString()).isEqualTo("parameter 'year' is required");

        Map<String, Object> leaky = problems.body(Problems.Classified.of(ErrorCode.BAD_REQUEST)
                .withMessage("JSON parse error: Cannot deserialize value of type `java.lang.Long`"), request);
        assertThat(leaky.get("message")).isEqualTo(leaky.get("detail"));
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of(null, null, null, "vi"),
                Arguments.of("en-GB,en;q=0.9", null, null, "en"),
                Arguments.of("fr-FR,en;q=0.5", null, null, "en"),
                Arguments.of("vi,en;q=0.5", null, null, "vi"),
                Arguments.of("fr-FR", null, null, "vi"),
                Arguments.of("en", "vi", null, "vi"),
                Arguments.of(null, "en", null, "en"),
                Arguments.of("en", "en", "vi", "vi"));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theLanguageIsTheUsersVietnameseByDefault(String acceptLanguage, String cookie, String lang, String expected) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
            request.setPreferredLocales(java.util.Arrays.stream(acceptLanguage.split(","))
                    .map(l -> Locale.forLanguageTag(l.split(";")[0])).toList());
        }
        if (cookie != null) {
            request.setCookies(new jakarta.servlet.http.Cookie("giamngheo-lang", cookie));
        }
        if (lang != null) {
            request.addParameter("lang", lang);
        }
        assertThat(Problems.locale(request).getLanguage()).isEqualTo(expected);
    }
}
