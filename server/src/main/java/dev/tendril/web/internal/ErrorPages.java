package dev.tendril.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The answer to every error no handler answered (an unknown page, a request the server refused before any controller,
 * such as a bad percent-encoding): the UI's error page for a browser, problem JSON for everything else, never an
 * internal message.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        String message = status == HttpStatus.NOT_FOUND ? "There is nothing here, or it belongs to another workspace."
                : status.is4xxClientError() ? "The request could not be understood." : "Something went wrong on our side; please try again.";
        return new ModelAndView("error-page", Map.of("shell", Shell.of(request), "title", status.getReasonPhrase(), "message", message),
                status);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, status.is5xxServerError() ? "an unexpected error occurred"
                        : status.getReasonPhrase().toLowerCase()));
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
