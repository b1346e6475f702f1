package dev.tendril.platform.internal;

import dev.tendril.platform.ConflictException;
import dev.tendril.platform.DatabaseUnavailable;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.OverloadedException;
import dev.tendril.platform.RequestTooLargeException;
import dev.tendril.platform.UnauthorizedException;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the REST and tracking APIs into RFC 9457 problem JSON that names the offending field. No input
 * reaches a 500 with an internal message: an unexpected exception answers a 500 carrying only an error id, which the
 * log holds with the stack trace; a database that is down answers 503 with {@code Retry-After}, which clients retry.
 */
@RestControllerAdvice(basePackages = "dev.tendril")
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

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

    /** A unique key refused the write: two requests raced for the same email, say. Read again, then retry. */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        log.info("Refused as a conflict with stored data: {}", e.getMostSpecificCause().getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "the request conflicts with data stored meanwhile; read it again and retry");
    }

    /**
     * The database refused a value that validation let through (a missing check, so logged as a warning to fix): the
     * request must change, so a 400, not a 409 that tells the client to retry it as it is.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.warn("A value reached the database that validation should have refused: {}", e.getMostSpecificCause().getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "a value of the request cannot be stored");
    }

    @ExceptionHandler(DateTimeException.class)
    ProblemDetail dateTime(DateTimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "a date or time is out of range");
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(LimitRequestBodies.problem(e.limit()));
    }

    /** A statement a user shaped ran past {@code tendril.queries.timeout} and was cancelled. */
    @ExceptionHandler(QueryTimeoutException.class)
    ProblemDetail queryTimeout(QueryTimeoutException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "the query took longer than allowed (tendril.queries.timeout); narrow it and try again");
    }

    /** The database cannot be reached (restarting, failing over, or out of connections): clients retry after a second. */
    private static ResponseEntity<Object> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "the database is unavailable; retry shortly"));
    }

    /**
     * A database that cannot be reached answers 503 ({@link DatabaseUnavailable}, whatever exception carried it); anything
     * else is a bug: the caller learns only an id to quote, the log holds the rest.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof ErrorResponse || e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring MVC's own and Spring Security's: answered by their own handlers
        }
        if (DatabaseUnavailable.is(e)) {
            return databaseUnavailable(e);
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {}", errorId, request.getDescription(false), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; quote error id " + errorId + " when you report it");
        problem.setProperty("errorId", errorId);
        return ResponseEntity.internalServerError().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String msg = e.getName() + ": has the wrong type";
        return fieldProblem(HttpStatus.BAD_REQUEST, msg, List.of(Map.of("field", e.getName(), "message", "has the wrong type")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(LimitRequestBodies.problem(tooLarge.limit()));
            }
        }
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
