package dev.tendril.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Sign-in throttling per account and per address, with a clock the test moves. */
class SignInThrottleTest {
    final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final SignInThrottle throttle = new SignInThrottle(clock, Duration.ofMinutes(15), 5, 20);

    /** What the sign-in does: refused while throttled, else the password is checked and a wrong one counted. */
    boolean signIn(String email, String address, boolean rightPassword) {
        if (throttle.refusedFor(email, address).isPresent()) {
            return false;
        }
        if (rightPassword) {
            throttle.succeeded(email);
        } else {
            throttle.failed(email, address);
        }
        return rightPassword;
    }

    @Test
    void thirtyWrongPasswordsThenTheRightOneIsRefusedUntilTheWindowHasPassed() {
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(2));
            assertThat(signIn("ada@example.com", "203.0.113.9", false)).isFalse();
        }
        assertThat(signIn("ada@example.com", "203.0.113.9", true)).as("right password, but throttled").isFalse();
        assertThat(signIn("Ada@Example.com ", "198.51.100.1", true)).as("the account is held from any address, in any case").isFalse();
        // The first counted failure came at 2 s, and it is now 60 s: 14 min 2 s left, shown as 15 minutes.
        assertThat(throttle.refusedFor("ada@example.com", "198.51.100.1")).hasValue(Duration.ofMinutes(15).minusSeconds(58));
        assertThat(SignInThrottleFilter.minutes(throttle.refusedFor("ada@example.com", "198.51.100.1").orElseThrow())).isEqualTo(15);

        clock.advance(Duration.ofMinutes(14));
        assertThat(SignInThrottleFilter.minutes(throttle.refusedFor("ada@example.com", "198.51.100.1").orElseThrow())).isEqualTo(1);
        assertThat(signIn("ada@example.com", "203.0.113.9", true)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(signIn("ada@example.com", "203.0.113.9", true)).as("after the window").isTrue();
        // The right password cleared the account: five more tries before it is held again.
        for (int i = 0; i < 4; i++) {
            assertThat(signIn("ada@example.com", "203.0.113.9", false)).isFalse();
        }
        assertThat(throttle.refusedFor("ada@example.com", "203.0.113.9")).isEmpty();
        assertThat(signIn("ada@example.com", "203.0.113.9", true)).isTrue();
    }

    @Test
    void oneAddressTryingManyAccountsIsHeldAfterTwentyFailures() {
        for (int i = 0; i < 20; i++) {
            assertThat(signIn("user" + i + "@example.com", "203.0.113.9", false)).isFalse();
        }
        assertThat(signIn("grace@example.com", "203.0.113.9", true)).as("a fresh account, from that address").isFalse();
        assertThat(signIn("grace@example.com", "198.51.100.1", true)).as("from another address").isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(signIn("grace@example.com", "203.0.113.9", true)).isTrue();
    }

    @Test
    void oldFailuresLeaveTheWindowOneByOne() {
        for (int i = 0; i < 5; i++) {
            signIn("ada@example.com", "203.0.113.9", false);
            clock.advance(Duration.ofMinutes(3));
        }
        // Failures at 0, 3, 6, 9 and 12 minutes; now 15: the first has just left the window.
        assertThat(throttle.refusedFor("ada@example.com", "203.0.113.9")).isEmpty();
        signIn("ada@example.com", "203.0.113.9", false);
        assertThat(throttle.refusedFor("ada@example.com", "203.0.113.9")).as("held until the failure at 3 minutes leaves")
                .hasValue(Duration.ofMinutes(3));
    }

    @Test
    void aSuccessDoesNotClearTheAddressCount() {
        for (int i = 0; i < 19; i++) {
            signIn("user" + i + "@example.com", "203.0.113.9", false);
        }
        assertThat(signIn("mine@example.com", "203.0.113.9", true)).isTrue();
        signIn("user19@example.com", "203.0.113.9", false);
        assertThat(signIn("mine@example.com", "203.0.113.9", true)).isFalse();
    }
}
