package dev.tendril.workspace.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in while {@link SignInThrottle} holds its account or address, before the password is checked: the
 * form comes back with {@code ?locked=N}, the minutes left.
 */
class SignInThrottleFilter extends OncePerRequestFilter {
    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> refused = throttle.refusedFor(request.getParameter("username"), request.getRemoteAddr());
        if (refused.isPresent()) {
            response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes(refused.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whole minutes, rounded up: "try again in 1 minute" while any time is left. */
    static long minutes(Duration left) {
        return Math.max(1, (left.toSeconds() + 59) / 60);
    }
}
