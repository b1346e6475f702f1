package dev.tendril.testing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A route of the test context only, that fails as a bug would, with a message that must not reach the client. */
@RestController
public class FailingRoute {
    public static final String PATH = "/api/v1/test-only/failure";

    @GetMapping(PATH)
    String fail() {
        throw new IllegalStateException("internal detail: connection string postgres://secret");
    }
}
