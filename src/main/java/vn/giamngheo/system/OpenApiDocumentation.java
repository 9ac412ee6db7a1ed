package vn.giamngheo.system;

import com.github.therapi.runtimejavadoc.ClassJavadoc;
import com.github.therapi.runtimejavadoc.CommentFormatter;
import com.github.therapi.runtimejavadoc.RuntimeJavadoc;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the API ({@code /api/v1/openapi}, issue 20 point 6): its info (title, version, contact,
 * licence), the ways to authenticate (the browser's session cookie with its CSRF token, a personal access token as
 * bearer, HTTP Basic), and one tag per module. The words of each operation and parameter stay next to the code: the
 * Javadoc of the controller methods ({@code @param} for the parameters) is compiled into the application
 * (therapi-runtime-javadoc) and read by springdoc; {@code @Operation}/{@code @Parameter} annotations where a method has
 * them. {@code ApiDocumentationTest} fails on any operation or parameter left without words.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocumentation {

    static final String SESSION = "session";
    static final String BEARER = "accessToken";
    static final String BASIC = "basic";
    private static final String BASE = "vn.giamngheo.";

    /** Module (tag) → its controllers, collected while the operations are read. */
    private final Map<String, Set<Class<?>>> modules = new ConcurrentHashMap<>();

    /**
     * @param contactName  who answers questions about this installation's API ({@code giamngheo.api.contact-name})
     * @param contactEmail their address, if any ({@code giamngheo.api.contact-email})
     * @param licence      the licence of the software ({@code giamngheo.api.licence}, with its SPDX identifier
     *                     {@code giamngheo.api.licence-id} or its {@code giamngheo.api.licence-url}): the repository
     *                     declares none yet, so the default says so (SPDX {@code NOASSERTION})
     */
    @Bean
    OpenAPI giamngheoOpenApi(@Value("${giamngheo.api.contact-name:Quản trị hệ thống / system administrator}") String contactName,
                             @Value("${giamngheo.api.contact-email:}") String contactEmail,
                             @Value("${giamngheo.api.licence:not declared yet (the repository has no LICENSE file)}") String licence,
                             @Value("${giamngheo.api.licence-id:NOASSERTION}") String licenceId,
                             @Value("${giamngheo.api.licence-url:}") String licenceUrl) {
        return new OpenAPI()
            .info(new Info().title("giamngheo API")
                .version("v1")
                .description("""
                    The JSON API of giamngheo, the information system of Vietnam's National Target Programme for \
                    Sustainable Poverty Reduction: administrative units, the household register, poverty standards, \
                    reviews, reports, plans, budgets, monitoring, support and escape from poverty. Every request acts \
                    as a user, within the user's role and area (a commune officer sees his commune, a province officer \
                    his province). Machine clients authenticate with a personal access token, created on the account \
                    page (/account/tokens) and sent as `Authorization: Bearer gnp_…`: such requests need no CSRF \
                    token. Errors are problem details (RFC 9457) with a code of the catalogue (docs/errors.md). \
                    Messages and names are in Vietnamese, or in English with `?lang=en` (kept in the cookie giamngheo-lang).""")
                .contact(new Contact().name(contactName).email(contactEmail.isBlank() ? null : contactEmail))
                .license(licenceUrl.isBlank() ? new License().name(licence).identifier(licenceId)
                    : new License().name(licence).url(licenceUrl)))
            .components(new Components()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("gnp_ personal access token")
                    .description("A personal access token (gnp_ and 43 characters) created on the account page "
                        + "/account/tokens (at most a year, revocable). The request acts as the token's user, with his "
                        + "role and area; no CSRF token is needed. An unknown, revoked or expired token answers 401."))
                .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                    .description("The browser's session after logging in at /login. Changing requests (POST, PUT, "
                        + "DELETE) also need the session's CSRF token in the header X-CSRF-TOKEN (or the parameter "
                        + "_csrf); without it they answer 403."))
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("User name and password on every request (checked and throttled like a login; "
                        + "changing requests need a CSRF token as with a session). Prefer an access token.")))
            .security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(SESSION),
                new SecurityRequirement().addList(BASIC)));
    }

    /**
     * Every operation is tagged with its module (the package of its controller below {@code vn.giamngheo}) and named
     * after its controller and method ({@code unitList}, {@code householdSearch}: what generated clients call their
     * methods), unless an {@code @Operation} names it.
     */
    @Bean
    OperationCustomizer moduleTags() {
        return (operation, handler) -> {
            Class<?> type = handler.getBeanType();
            String module = module(type);
            modules.computeIfAbsent(module, m -> ConcurrentHashMap.newKeySet()).add(type);
            operation.setTags(new ArrayList<>(List.of(module)));
            String method = handler.getMethod().getName();
            String id = operation.getOperationId();
            if (id == null || id.equals(method) || id.matches(java.util.regex.Pattern.quote(method) + "_\\d+")) {
                operation.setOperationId(operationId(type, method));
            }
            return operation;
        };
    }

    /** {@code UnitApiController.list} → {@code unitList}. */
    static String operationId(Class<?> controller, String method) {
        String name = controller.getSimpleName();
        for (String suffix : List.of("ApiController", "Controller")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1) + Character.toUpperCase(method.charAt(0))
                + method.substring(1);
    }

    /** The tags are the modules, described by the Javadoc of their controllers; springdoc's per-controller tags go. */
    @Bean
    OpenApiCustomizer moduleTagDescriptions() {
        return api -> {
            Map<String, Tag> tags = new TreeMap<>();
            CommentFormatter formatter = new CommentFormatter();
            modules.forEach((module, controllers) -> {
                List<String> texts = new ArrayList<>();
                controllers.stream().sorted(java.util.Comparator.comparing(Class::getName)).forEach(c -> {
                    ClassJavadoc doc = RuntimeJavadoc.getJavadoc(c);
                    String text = doc.isEmpty() ? "" : formatter.format(doc.getComment()).strip();
                    if (!text.isEmpty()) {
                        texts.add(text);
                    }
                });
                tags.put(module, new Tag().name(module).description(String.join("\n\n", texts)));
            });
            api.setTags(new ArrayList<>(tags.values()));
        };
    }

    /**
     * A changing operation (POST, PUT, DELETE, PATCH) may answer 409: the data changed since the client read it (its
     * version), or a rule of the workflow refuses the step (codes GN-1050, GN-2102, GN-2702, GN-3100 of the catalogue).
     * No operation answers 422 (GN-1080 is catalogued for later), so none is listed.
     */
    @Bean
    OpenApiCustomizer conflicts() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(item -> item.readOperationsMap().forEach((method, operation) -> {
                if (method == io.swagger.v3.oas.models.PathItem.HttpMethod.GET || operation.getResponses() == null
                        || operation.getResponses().containsKey("409")) {
                    return;
                }
                operation.getResponses().addApiResponse("409", new io.swagger.v3.oas.models.responses.ApiResponse()
                    .description("Problem details: the data changed since it was read (send the version you read), "
                        + "or a rule of the workflow refuses the step (see docs/errors.md)")
                    .content(new io.swagger.v3.oas.models.media.Content().addMediaType("application/problem+json",
                        new io.swagger.v3.oas.models.media.MediaType().schema(
                            new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/ProblemDetail")))));
            }));
        };
    }

    static String module(Class<?> type) {
        String name = type.getPackageName();
        if (!name.startsWith(BASE)) {
            return name;
        }
        String rest = name.substring(BASE.length());
        int dot = rest.indexOf('.');
        return (dot < 0 ? rest : rest.substring(0, dot)).toLowerCase(Locale.ROOT);
    }
}
