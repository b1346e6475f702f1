package dev.tendril.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import dev.tendril.workspace.ApiKeys;
import dev.tendril.workspace.Role;
import dev.tendril.workspace.Workspaces;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a careful operator expects of the doors: actuator, key revocation, CSRF, sign-in throttling. */
@IntegrationTest
class SecurityIntegrationTest {
    @Autowired TestTenants tenants;
    @Autowired Workspaces workspaces;
    @Autowired ApiKeys keys;
    @Autowired JdbcClient jdbc;
    TestTenant t;

    @BeforeEach
    void tenant() {
        t = tenants.create();
    }

    @Test
    void healthIsPublicButMetricsNeedTheSecretKeyOrAnOwnersSession() {
        assertThat(t.send("GET", "/actuator/health", null, null, false).status()).isEqualTo(200);
        assertThat(t.send("GET", "/actuator/health/liveness", null, null, false).status()).isEqualTo(200);
        assertThat(t.send("GET", "/actuator/health/readiness", null, null, false).status()).isEqualTo(200);

        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator"}) {
            var anonymous = t.send("GET", path, null, null, false);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.text("/detail")).as(path).contains("secret key");
            assertThat(anonymous.body()).as(path).doesNotContain("jvm_");
            assertThat(t.send("GET", path, null, "Bearer sk_wrong_key_000000000000000000", false).status()).as(path).isEqualTo(401);
            assertThat(t.send("GET", path, null, "Bearer " + t.writeKey(), false).status()).as("a write key: " + path).isEqualTo(401);
            assertThat(t.send("GET", path, null, TestTenant.basic(t.writeKey()), false).status()).as(path).isEqualTo(401);
        }
        var scraped = t.send("GET", "/actuator/prometheus", null, "Bearer " + t.secretKey(), false);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        assertThat(t.send("GET", "/actuator/metrics", null, "Bearer " + t.secretKey(), false).status()).isEqualTo(200);

        Browser owner = new Browser(null);
        assertThat(owner.signIn(t.ownerEmail(), t.ownerPassword())).endsWith("/contacts");
        assertThat(owner.get("/actuator/prometheus").statusCode()).isEqualTo(200);

        String marketer = "marketer-" + UUID.randomUUID() + "@example.com";
        workspaces.addUser(t.workspaceId(), marketer, "marketer-password", Role.MARKETER);
        Browser notOwner = new Browser(null);
        assertThat(notOwner.signIn(marketer, "marketer-password")).endsWith("/contacts");
        assertThat(notOwner.get("/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(notOwner.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyRevokedOnAnyNodeIsRefusedByTheVeryNextRequest() {
        assertThat(t.api("GET", "/api/v1/contacts", null).status()).isEqualTo(200);
        assertThat(t.track("/v1/track", "{\"userId\": \"u\", \"event\": \"E\"}").status()).isEqualTo(200);
        // Another node revokes them: only the database knows.
        int revoked = jdbc.sql("update api_key set revoked_at = now() where workspace_id = ?").param(t.workspaceId()).update();
        assertThat(revoked).isEqualTo(2);
        var api = t.api("GET", "/api/v1/contacts", null);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.text("/detail")).contains("revoked");
        assertThat(t.track("/v1/track", "{\"userId\": \"u\", \"event\": \"E\"}").status()).isEqualTo(401);
        assertThat(t.send("GET", "/actuator/prometheus", null, "Bearer " + t.secretKey(), false).status()).isEqualTo(401);
    }

    @Test
    void aUiPostWithoutTheCsrfTokenIsRefused() {
        Browser owner = new Browser(null);
        var noTokenSignIn = owner.post("/login", Map.of("username", t.ownerEmail(), "password", t.ownerPassword()), false);
        assertThat(noTokenSignIn.statusCode()).isEqualTo(403);
        assertThat(owner.get("/contacts").statusCode()).as("not signed in").isEqualTo(302);

        assertThat(owner.signIn(t.ownerEmail(), t.ownerPassword())).as("back to the page asked for").endsWith("/contacts?continue");
        int before = keys.list(t.workspaceId()).size();
        var noToken = owner.post("/keys", Map.of("name", "forged", "kind", "secret"), false);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).doesNotContain("sk_");
        assertThat(keys.list(t.workspaceId())).hasSize(before);

        var withToken = owner.post("/keys", Map.of("name", "mine", "kind", "secret"), true);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("sk_");
        assertThat(keys.list(t.workspaceId())).hasSize(before + 1);
    }

    @Test
    void thirtyWrongPasswordsThenTheRightOneIsRefusedWithAClearMessage() {
        // Each sign-in comes from a loopback address of its own, so the other tests' browsers (127.0.0.1) are not held.
        Browser guesser = new Browser(randomLoopback());
        for (int i = 0; i < 30; i++) {
            String location = guesser.signIn(t.ownerEmail(), "wrong-" + i);
            assertThat(location).as("attempt " + (i + 1)).endsWith(i < 5 ? "/login?error" : "/login?locked=15");
        }
        assertThat(guesser.signIn(t.ownerEmail(), t.ownerPassword())).as("the right password").endsWith("/login?locked=15");
        var page = guesser.get("/login?locked=15");
        assertThat(page.body()).contains("Too many attempts; try again in 15 minutes.");
        assertThat(guesser.get("/contacts").statusCode()).as("not signed in").isEqualTo(302);

        Browser elsewhere = new Browser(randomLoopback());
        assertThat(elsewhere.signIn(t.ownerEmail().toUpperCase(), t.ownerPassword())).as("the account is held from any address")
                .endsWith("/login?locked=15");

        // The address has five failures, under its limit: someone else signs in from it.
        TestTenant other = tenants.create();
        assertThat(new Browser(guesser.address).signIn(other.ownerEmail(), other.ownerPassword())).endsWith("/contacts");
    }

    @Test
    void anAddressTryingManyAccountsIsHeldAfterTwentyFailures() {
        InetAddress address = randomLoopback();
        for (int i = 0; i < 20; i++) {
            assertThat(new Browser(address).signIn("nobody-" + UUID.randomUUID() + "@example.com", "guess"))
                    .as("unknown accounts count like known ones").endsWith("/login?error");
        }
        assertThat(new Browser(address).signIn(t.ownerEmail(), t.ownerPassword())).endsWith("/login?locked=15");
        assertThat(new Browser(randomLoopback()).signIn(t.ownerEmail(), t.ownerPassword())).endsWith("/contacts");
    }

    /** An address in 127.0.0.0/8 other than 127.0.0.1, to sign in from. */
    static InetAddress randomLoopback() {
        var random = ThreadLocalRandom.current();
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) random.nextInt(1, 255), (byte) random.nextInt(0, 256),
                    (byte) random.nextInt(1, 255)});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser without JavaScript: its own cookies, no redirects followed, optionally from a given local address. */
    final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        final InetAddress address;
        private final HttpClient http;

        Browser(InetAddress address) {
            this.address = address;
            HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER);
            this.http = (address == null ? builder : builder.localAddress(address)).build();
        }

        /** Signs in through the form; answers where the sign-in sends the browser next. */
        String signIn(String email, String password) {
            var answer = post("/login", Map.of("username", email, "password", password), true);
            assertThat(answer.statusCode()).isEqualTo(302);
            return answer.headers().firstValue("Location").orElseThrow();
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        /** Posts a form, with the session's CSRF token (read from the sign-in page) when {@code withToken}. */
        HttpResponse<String> post(String path, Map<String, String> fields, boolean withToken) {
            Map<String, String> form = new LinkedHashMap<>(fields);
            if (withToken) {
                Matcher token = CSRF.matcher(get("/login").body());
                assertThat(token.find()).as("a CSRF token on the page").isTrue();
                form.put("_csrf", token.group(1));
            }
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private URI uri(String path) {
            return URI.create(t.baseUrl().replace("localhost", "127.0.0.1") + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
