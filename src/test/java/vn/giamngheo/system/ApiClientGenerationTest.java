package vn.giamngheo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.security.AccessTokens;
import vn.giamngheo.security.UserAccounts;

/**
 * An API client built by someone else, as issue 20 point 6 asks: the application runs on the embedded database with the
 * demonstration data, this test fetches its live OpenAPI document over HTTP, generates a Java client from it with
 * openapi-generator (generator {@code java}, library {@code native}), compiles the client with the JDK's compiler and
 * calls three endpoints with a personal access token of the demonstration's commune officer {@code xa}: the provinces,
 * the households of his commune and the report's data values, each checked against the database. A revoked token is
 * refused (401) through the same client.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"giamngheo.demo.enabled=true",
        "giamngheo.demo.households=240", "giamngheo.demo.province=08"})
class ApiClientGenerationTest {

    private static final String PACKAGE = "vn.giamngheo.client";

    @LocalServerPort int port;
    @Autowired AccessTokens tokens;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;

    @TempDir Path work;

    @Test
    void aClientGeneratedFromTheLiveDocumentCallsThreeEndpointsWithAToken() throws Exception {
        // the live document, over HTTP like any outside client, with a token of the demonstration user xa
        var xa = users.findByUsername("xa").orElseThrow();
        AccessTokens.Created created = tokens.create(xa, "generated client test",
                LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(7));
        String token = created.token();
        HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/openapi"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(document.statusCode()).isEqualTo(200);
        Path spec = work.resolve("openapi.json");
        Files.writeString(spec, document.body(), StandardCharsets.UTF_8);

        // generate
        Path out = work.resolve("client");
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("java").setLibrary("native")
                .setInputSpec(spec.toUri().toString()).setOutputDir(out.toString())
                .setApiPackage(PACKAGE + ".api").setModelPackage(PACKAGE + ".model").setInvokerPackage(PACKAGE)
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("annotationLibrary", "none")
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addGlobalProperty("apiTests", "false").addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false").addGlobalProperty("modelDocs", "false");
        ClientOptInput input = configurator.toClientOptInput();
        List<File> files = new DefaultGenerator().opts(input).generate();
        assertThat(files).isNotEmpty();

        // compile
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(out.resolve("src/main/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringBuilder diagnostics = new StringBuilder();
        try (StandardJavaFileManager files2 = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", testClassPath(), "-d", classes.toString(), "-proc:none",
                    "-nowarn", "-encoding", "UTF-8");
            boolean ok = compiler.getTask(null, files2, d -> diagnostics.append(d).append('\n'), options, null,
                    files2.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(ok).as("the generated client compiles:\n%s", diagnostics).isTrue();
        }

        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Object client = client(loader, token);
            long commune = jdbc.sql("SELECT unit_id FROM app_user WHERE username = 'xa'").query(Long.class).single();

            // 1. the provinces of today's map
            List<?> provinces = (List<?>) call(loader, "GeographyApi", client, "unitList", "level", "province");
            long expectedProvinces = jdbc.sql("SELECT count(*) FROM admin_unit WHERE level = 'province' AND valid_to IS NULL")
                    .query(Long.class).single();
            assertThat(provinces).hasSize((int) expectedProvinces);
            assertThat(provinces.stream().map(p -> property(p, "getName"))).contains("Tuyên Quang");

            // 2. the households of xa's commune (first page of 50, by code)
            List<?> households = (List<?>) call(loader, "HouseholdApi", client, "householdSearch", "communeId", commune);
            List<String> expectedCodes = jdbc.sql("""
                            SELECT household_code FROM household WHERE commune_id = :c AND life_status = 'active'
                            ORDER BY household_code LIMIT 50""").param("c", commune).query(String.class).list();
            assertThat(households).isNotEmpty();
            assertThat(households.stream().map(h -> property(h, "getHouseholdCode")).toList())
                    .containsAll(expectedCodes.subList(0, Math.min(5, expectedCodes.size())));

            // 3. the report's data values: poor households of xa's commune on the lists of 2026
            Object answer = call(loader, "ReportApi", client, "reportDataValues", "indicator", "poor,households",
                    "period", "2026");
            List<?> rows = (List<?>) property(answer, "getRows");
            long expectedPoor = jdbc.sql("""
                            SELECT count(*) FROM household_status s
                            WHERE s.commune_id = :c AND s.list_year = 2026 AND NOT s.revoked AND s.status = 'poor'""")
                    .param("c", commune).query(Long.class).single();
            assertThat(expectedPoor).isPositive();
            Object poor = rows.stream().filter(r -> "poor".equals(property(r, "getIndicator"))).findFirst().orElseThrow();
            assertThat(new BigDecimal(property(poor, "getValue").toString())).isEqualByComparingTo(BigDecimal.valueOf(expectedPoor));
            assertThat(property(property(poor, "getUnit"), "getId").toString()).isEqualTo(String.valueOf(commune));

            // the token revoked: the same client is refused with 401
            tokens.revoke(created.info().id(), xa);
            assertThatThrownBy(() -> call(loader, "GeographyApi", client, "unitList", "level", "province"))
                    .satisfies(e -> assertThat(property(e, "getCode")).isEqualTo(401));
        }
    }

    /** The generated ApiClient, pointed at the running application, sending the token on every request. */
    private Object client(ClassLoader loader, String token) throws Exception {
        Class<?> type = loader.loadClass(PACKAGE + ".ApiClient");
        Object client = type.getConstructor().newInstance();
        type.getMethod("updateBaseUri", String.class).invoke(client, "http://localhost:" + port);
        Consumer<HttpRequest.Builder> bearer = b -> b.header("Authorization", "Bearer " + token);
        type.getMethod("setRequestInterceptor", Consumer.class).invoke(client, bearer);
        return client;
    }

    /**
     * Calls an operation of a generated API class by its operationId with the named arguments (every other parameter
     * null); the names are matched to the parameters' names as javac kept them (-parameters is not needed: the
     * generated methods take the parameters in the document's order, read from the method's signature in the source).
     */
    private Object call(ClassLoader loader, String api, Object client, String operation, Object... named) throws Exception {
        Class<?> type = loader.loadClass(PACKAGE + ".api." + api);
        Object instance = type.getConstructor(loader.loadClass(PACKAGE + ".ApiClient")).newInstance(client);
        Method method = java.util.Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(operation))
                .findFirst().orElseThrow(() -> new AssertionError(api + " has no operation " + operation + ": "
                        + java.util.Arrays.stream(type.getMethods()).map(Method::getName).sorted().toList()));
        List<String> names = parameterNames(api, operation);
        Object[] args = new Object[method.getParameterCount()];
        for (int i = 0; i < named.length; i += 2) {
            int at = names.indexOf((String) named[i]);
            assertThat(at).as("parameter %s of %s: %s", named[i], operation, names).isNotNegative();
            Object value = named[i + 1];
            Class<?> expected = method.getParameterTypes()[at];
            args[at] = expected == Long.class && value instanceof Number n ? Long.valueOf(n.longValue()) : value;
        }
        try {
            return method.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private final java.util.Map<String, String> sourcesRead = new java.util.HashMap<>();

    /** The parameter names of a generated method, read from its source (the generator writes them as in the document). */
    private List<String> parameterNames(String api, String operation) throws IOException {
        String source = sourcesRead.computeIfAbsent(api, a -> {
            try {
                return Files.readString(work.resolve("client/src/main/java/" + PACKAGE.replace('.', '/') + "/api/" + a + ".java"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("public \\S+ " + operation + "\\(([^)]*)\\) throws")
                .matcher(source);
        assertThat(m.find()).as("%s.%s in the generated source", api, operation).isTrue();
        List<String> names = new ArrayList<>();
        for (String p : m.group(1).split(",")) {
            if (!p.isBlank()) {
                String[] parts = p.strip().split("\\s+");
                names.add(parts[parts.length - 1]);
            }
        }
        return names;
    }

    private static Object property(Object bean, String getter) {
        try {
            return bean.getClass().getMethod(getter).invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(getter + " of " + bean.getClass(), e);
        }
    }

    /** Surefire runs the tests from a manifest-only jar: the real class path is in surefire.test.class.path. */
    private static String testClassPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path == null || path.isBlank() ? System.getProperty("java.class.path") : path;
    }
}
