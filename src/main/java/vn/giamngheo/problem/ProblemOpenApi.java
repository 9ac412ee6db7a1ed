package vn.giamngheo.problem;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the errors: one shared {@code ProblemDetail} schema (RFC 9457 with the catalogue's
 * {@code code}), the answer of every operation's 400, 401, 403, 404 and 500 (and 409 where an operation answers one).
 */
@Configuration(proxyBeanMethods = false)
class ProblemOpenApi {

    static final String SCHEMA = "ProblemDetail";
    private static final List<String> STATUSES = List.of("400", "401", "403", "404", "500");

    @Bean
    OpenApiCustomizer problemDetails() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new io.swagger.v3.oas.models.Components());
            }
            api.getComponents().addSchemas(SCHEMA, schema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(item -> item.readOperations().forEach(ProblemOpenApi::describe));
        };
    }

    private static void describe(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (String status : STATUSES) {
            ApiResponse existing = responses.get(status);
            ApiResponse response = existing == null ? new ApiResponse().description(description(status)) : existing;
            response.setContent(new Content().addMediaType(Problems.PROBLEM_JSON.toString(),
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
            responses.addApiResponse(status, response);
        }
        operation.setResponses(responses);
    }

    private static String description(String status) {
        String codes = String.join(", ", Arrays.stream(ErrorCode.values()).filter(c -> String.valueOf(c.status()).equals(status))
                .map(ErrorCode::code).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        return "Problem details (codes " + codes + "; see docs/errors.md)";
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> schema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().description("urn:giamngheo:problem:<code>, the entry of the catalogue"));
        properties.put("title", new StringSchema().description("the HTTP status in words, in the user's language"));
        properties.put("status", new IntegerSchema().description("the HTTP status"));
        properties.put("detail", new StringSchema().description("the entry's message in the user's language"));
        properties.put("instance", new StringSchema().description("urn:giamngheo:occurrence:<uuid>, this occurrence (in the server's log)"));
        properties.put("code", new StringSchema().pattern("^GN-\\d{4}$")._enum(Arrays.stream(ErrorCode.values())
                .map(ErrorCode::code).toList()).description("the stable number of the catalogue's entry (docs/errors.md)"));
        properties.put("message", new StringSchema().description("the module's own sentence (kept for existing clients)"));
        properties.put("problems", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema())
                .description("the problems of a refused request: field, line, value, code, message where they apply"));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties((Map) properties);
        schema.setRequired(List.of("type", "title", "status", "detail", "instance", "code"));
        schema.description("RFC 9457 problem details with the number of the error catalogue");
        return schema;
    }
}
