package dev.tendril.content.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a template or block that failed validation as RFC 9457 problem JSON whose errors name the
 * field, the line and the column: {@code {"field": "html", "line": 3, "column": 5, "message": "…"}}.
 * Ahead of the platform's handler, which knows fields but not positions.
 */
@RestControllerAdvice(basePackages = "dev.tendril.content")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentProblems {
    @ExceptionHandler(InvalidContentException.class)
    ProblemDetail invalid(InvalidContentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", e.problems().stream().map(p -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", p.field());
            error.put("message", p.describe());
            if (p.line() > 0) {
                error.put("line", p.line());
                error.put("column", p.column());
            }
            return error;
        }).toList());
        return problem;
    }

    @ExceptionHandler(RenderFailedException.class)
    ProblemDetail renderFailed(RenderFailedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }
}
