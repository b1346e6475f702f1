package dev.tendril.platform.internal;

import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.StorableText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
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
 * REST input PostgreSQL cannot store is a 400 naming the field, never a 500 or a silent change: a body that is not
 * valid UTF-8 (an overlong encoding, say, which a lenient decoder reads as another character), a NUL character or a
 * lone surrogate in a string or a key ({@link StorableText}), a number past the double range (read as infinity), and the
 * same in query parameters. The tracking API repairs such text instead of refusing a Segment client's batch.
 */
@ControllerAdvice(basePackages = "dev.tendril")
class RefuseUnstorableText extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes(); // bounded by LimitRequestBodies
        if (!StorableText.isUtf8(body)) {
            throw new InvalidInputException("body", "is not valid UTF-8");
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "");
        return body;
    }

    private static void check(Object value, String path) {
        switch (value) {
            case String s -> text(s, path);
            case Double d when !Double.isFinite(d) -> throw new InvalidInputException(name(path), "must be a finite number");
            case Map<?, ?> map -> map.forEach((k, v) -> {
                String key = String.valueOf(k);
                text(key, path);
                check(v, path.isEmpty() ? key : path + "." + key);
            });
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    check(list.get(i), path + "[" + i + "]");
                }
            }
            case JsonNode node when node.isString() -> text(node.stringValue(), path);
            case JsonNode node when node.isNumber() && !Double.isFinite(node.doubleValue()) && node.isFloatingPointNumber() ->
                    throw new InvalidInputException(name(path), "must be a finite number");
            case JsonNode node when node.isObject() -> node.properties().forEach(e -> {
                text(e.getKey(), path);
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

    private static void text(String s, String path) {
        int at = StorableText.firstUnstorable(s);
        if (at >= 0) {
            throw new InvalidInputException(name(path), StorableText.fault(s, at));
        }
    }

    private static String name(String path) {
        return path.isEmpty() ? "body" : path;
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
                for (String text : texts(p.getKey(), p.getValue())) {
                    int at = StorableText.firstUnstorable(text);
                    if (at >= 0) {
                        String fault = StorableText.fault(text, at);
                        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, p.getKey() + ": " + fault);
                        problem.setProperty("errors", List.of(Map.of("field", p.getKey(), "message", fault)));
                        response.setStatus(HttpStatus.BAD_REQUEST.value());
                        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                        json.writeValue(response.getOutputStream(), problem);
                        return;
                    }
                }
            }
            chain.doFilter(request, response);
        }

        private static List<String> texts(String name, String[] values) {
            List<String> out = new ArrayList<>(List.of(values));
            out.add(name);
            return out;
        }
    }
}
