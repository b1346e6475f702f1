package dev.tendril.workspace.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttling: once an account has had {@code tendril.sign-in.max-failures-per-account} wrong passwords within
 * {@code tendril.sign-in.throttle-window}, or a client address {@code max-failures-per-address}, further sign-ins for
 * it are refused, right password or not, until the oldest of those failures leaves the window. Refused attempts are
 * not checked, so they do not count. Unknown emails are counted like known ones (the answer must not tell them apart).
 * Kept in memory on each node, for at most {@link #TRACKED} accounts and as many addresses.
 */
@Component
class SignInThrottle {
    static final int TRACKED = 100_000;

    private final Clock clock;
    private final Duration window;
    private final Failures accounts;
    private final Failures addresses;

    SignInThrottle(Clock clock, @Value("${tendril.sign-in.throttle-window:15m}") Duration window,
            @Value("${tendril.sign-in.max-failures-per-account:5}") int perAccount,
            @Value("${tendril.sign-in.max-failures-per-address:20}") int perAddress) {
        this.clock = clock;
        this.window = window;
        this.accounts = new Failures(perAccount);
        this.addresses = new Failures(perAddress);
    }

    /** How long sign-ins for this email from this address stay refused; empty when one may be tried now. */
    Optional<Duration> refusedFor(String email, String address) {
        Instant now = clock.instant();
        Instant until = later(accounts.blockedUntil(account(email), now, window), addresses.blockedUntil(address, now, window));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    void failed(String email, String address) {
        Instant now = clock.instant();
        accounts.add(account(email), now, window);
        addresses.add(address, now, window);
    }

    /** A right password clears the account's failures, not the address's: one's own account must not reset a guesser. */
    void succeeded(String email) {
        accounts.clear(account(email));
    }

    private static String account(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /** The latest failures per key within the window, at most {@code limit} of them; least recently touched keys go first. */
    private static final class Failures {
        private final int limit;
        private final Map<String, ArrayDeque<Instant>> byKey = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Instant>> eldest) {
                return size() > TRACKED;
            }
        };

        Failures(int limit) {
            this.limit = limit;
        }

        synchronized void add(String key, Instant now, Duration window) {
            ArrayDeque<Instant> failures = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
            forgetOld(failures, now, window);
            failures.addLast(now);
            while (failures.size() > limit) {
                failures.removeFirst();
            }
        }

        synchronized Instant blockedUntil(String key, Instant now, Duration window) {
            ArrayDeque<Instant> failures = byKey.get(key);
            if (failures == null) {
                return null;
            }
            forgetOld(failures, now, window);
            if (failures.isEmpty()) {
                byKey.remove(key);
                return null;
            }
            return failures.size() >= limit ? failures.peekFirst().plus(window) : null;
        }

        synchronized void clear(String key) {
            byKey.remove(key);
        }

        private static void forgetOld(ArrayDeque<Instant> failures, Instant now, Duration window) {
            Instant horizon = now.minus(window);
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(horizon)) {
                failures.removeFirst();
            }
        }
    }
}
