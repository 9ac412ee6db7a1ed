package vn.giamngheo.system;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Error bodies (status 400 and above) of every controller, whatever their shape: a text in them that quotes an
 * exception of a library (Jackson, POI, XMLBeans, the JDK, the container), a class name or a file path of the
 * server is replaced by a plain sentence; every other text and the shape of the body stay as they are. The modules'
 * own messages ("parameter 'year' is 'abc'") are kept.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ErrorBodySanitizer implements ResponseBodyAdvice<Object> {

    /** What an exception message of a library or the server looks like (the web edge's one pattern). */
    static final Pattern INTERNAL = vn.giamngheo.problem.Internals.PATTERN;

    static final String REPLACEMENT_CLIENT = "the request is not valid";
    static final String REPLACEMENT_SERVER = "the request could not be processed";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body == null || !(response instanceof ServletServerHttpResponse servlet)) {
            return body;
        }
        int status = servlet.getServletResponse().getStatus();
        if (status < 400) {
            return body;
        }
        String replacement = status >= 500 ? REPLACEMENT_SERVER : REPLACEMENT_CLIENT;
        if (body instanceof CharSequence text) {
            return clean(text.toString(), replacement);
        }
        if (body instanceof byte[] || contentType == null || !contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
                && !"json".equals(contentType.getSubtypeSuffix())) {
            return body;
        }
        JsonNode tree;
        try {
            tree = json.valueToTree(body);
        } catch (RuntimeException e) {
            return body;
        }
        return sanitize(tree, replacement) ? tree : body;
    }

    /** Whether a text quotes an exception of a library, a class name or a file path of the server. */
    public static boolean quotesInternals(String text) {
        return text != null && INTERNAL.matcher(text).find();
    }

    /** For tests: the text as a 4xx body would carry it. */
    public static String cleanClientError(String text) {
        return clean(text, REPLACEMENT_CLIENT);
    }

    /** For tests: sanitises a 4xx body's tree in place; whether anything was replaced. */
    public static boolean sanitizeClientError(JsonNode tree) {
        return sanitize(tree, REPLACEMENT_CLIENT);
    }

    /** The text, or the replacement when it quotes internals. */
    static String clean(String text, String replacement) {
        return text != null && INTERNAL.matcher(text).find() ? replacement : text;
    }

    /** Replaces, in place, every text of the tree that quotes internals; whether anything was replaced. */
    static boolean sanitize(JsonNode node, String replacement) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isString()) {
                    String cleaned = clean(e.getValue().asString(), replacement);
                    if (!cleaned.equals(e.getValue().asString())) {
                        e.setValue(StringNode.valueOf(cleaned));
                        changed = true;
                    }
                } else {
                    changed |= sanitize(e.getValue(), replacement);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isString()) {
                    String cleaned = clean(item.asString(), replacement);
                    if (!cleaned.equals(item.asString())) {
                        array.set(i, StringNode.valueOf(cleaned));
                        changed = true;
                    }
                } else {
                    changed |= sanitize(item, replacement);
                }
            }
        }
        return changed;
    }
}
