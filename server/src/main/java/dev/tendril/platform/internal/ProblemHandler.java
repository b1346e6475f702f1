package dev.tendril.platform.internal;

import dev.tendril.platform.ConflictException;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.OverloadedException;
import dev.tendril.platform.UnauthorizedException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every error of the REST API into RFC 9457 problem JSON that names the offending field. */
@RestControllerAdvice(basePackages = "dev.tendril")
class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return fieldProblem(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors().stream()
                .map(err -> Map.of("field", err.field(), "message", err.message())).toList());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(UnauthorizedException.class)
    ProblemDetail unauthorized(UnauthorizedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return fieldProblem(HttpStatus.CONFLICT, e.getMessage(), List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler(OverloadedException.class)
    ResponseEntity<ProblemDetail> overloaded(OverloadedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String msg = e.getName() + ": has the wrong type";
        return fieldProblem(HttpStatus.BAD_REQUEST, msg, List.of(Map.of("field", e.getName(), "message", "has the wrong type")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = JsonErrors.describe(ex);
        return ResponseEntity.badRequest().body(fieldProblem(HttpStatus.BAD_REQUEST, detail,
                List.of(Map.of("field", JsonErrors.field(ex), "message", detail))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
        String detail = errors.stream().map(m -> m.get("field") + ": " + m.get("message")).reduce((a, b) -> a + "; " + b).orElse("invalid input");
        return ResponseEntity.badRequest().body(fieldProblem(HttpStatus.BAD_REQUEST, detail, errors));
    }

    private static ProblemDetail fieldProblem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
