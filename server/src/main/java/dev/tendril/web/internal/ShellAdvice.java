package dev.tendril.web.internal;

import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every UI page its {@link Shell}, and answers the UI's errors with pages rather than the
 * REST API's problem JSON (this advice is asked before the API's handler).
 */
@ControllerAdvice(basePackageClasses = ShellAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShellAdvice {

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        return Shell.of(request);
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletRequest request) {
        return errorPage(request, HttpStatus.NOT_FOUND, "Not found", "There is nothing here, or it belongs to another workspace.");
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(HttpServletRequest request, InvalidInputException e) {
        return errorPage(request, HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    private static ModelAndView errorPage(HttpServletRequest request, HttpStatus status, String title, String message) {
        return new ModelAndView("error-page", Map.of("shell", Shell.of(request), "title", title, "message", message), status);
    }
}
