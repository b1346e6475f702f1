package dev.tendril.platform.internal;

import dev.tendril.platform.InvalidInputException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL's text and jsonb cannot hold the NUL character: a REST request with one in its JSON body or its query
 * parameters is a 400 naming the field (the tracking API replaces it instead: a Segment client's batch is never
 * refused for one).
 */
@ControllerAdvice(basePackages = "dev.tendril")
class RefuseNulCharacters extends RequestBodyAdviceAdapter {
    static final String MESSAGE = "must not contain the NUL character (\\u0000)";

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "");
        return body;
    }

    private static void check(Object value, String path) {
        switch (value) {
            case String s when s.indexOf('\u0000') >= 0 -> throw new InvalidInputException(path.isEmpty() ? "body" : path, MESSAGE);
            case Map<?, ?> map -> map.forEach((k, v) -> {
                String key = String.valueOf(k);
                check(key, path);
                check(v, path.isEmpty() ? key : path + "." + key);
            });
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    check(list.get(i), path + "[" + i + "]");
                }
            }
            case JsonNode node when node.isString() -> check(node.stringValue(), path);
            case JsonNode node when node.isObject() -> node.properties().forEach(e -> {
                check(e.getKey(), path);
                check(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            });
            case JsonNode node when node.isArray() -> {
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), path + "[" + i + "]");
                }
            }
            case null, default -> { }
        }
    }

    /** Query and form parameters, checked before any controller. */
    @Component
    static class InParameters extends OncePerRequestFilter {
        private final JsonMapper json;

        InParameters(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                for (String v : p.getValue()) {
                    if (p.getKey().indexOf('\u0000') >= 0 || v.indexOf('\u0000') >= 0) {
                        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, p.getKey() + ": " + MESSAGE);
                        problem.setProperty("errors", List.of(Map.of("field", p.getKey(), "message", MESSAGE)));
                        response.setStatus(HttpStatus.BAD_REQUEST.value());
                        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                        json.writeValue(response.getOutputStream(), problem);
                        return;
                    }
                }
            }
            chain.doFilter(request, response);
        }
    }
}
