package dev.tendril.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound-HTTP guard against a real HTTP server (WireMock on the loopback address), with the operator's
 * setting off as in production: nothing on the host's own network is ever reached, however it is written.
 */
class OutboundHttpIntegrationTest {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    WireMockServer server;
    OutboundHttp guarded;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("internal secrets")));
        guarded = new OutboundHttp(false, Duration.ofMillis(500), 1024);
    }

    @AfterEach
    void stop() throws Exception {
        guarded.close();
        server.stop();
    }

    @Test
    void theHostsOwnNetworkIsRefusedBeforeAnyConnectionHowEverItIsWritten() {
        int port = server.port();
        Map<String, String> refused = Map.of(
                "http://127.0.0.1:" + port + "/", "127.0.0.1 is a loopback address",
                "http://localhost:" + port + "/", "localhost resolves to a loopback address",
                "http://[::1]:" + port + "/", "loopback address",
                "http://[::ffff:127.0.0.1]:" + port + "/", "loopback address",
                "http://0.0.0.0:" + port + "/", "unspecified",
                "http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address",
                "http://[::ffff:a9fe:a9fe]/latest/meta-data/", "link-local address",
                "http://10.0.0.1:" + port + "/", "10.0.0.1 is a private-network address",
                "http://192.168.1.1/", "private-network address",
                "http://100.64.0.1/", "carrier-grade NAT");
        refused.forEach((url, reason) -> {
            assertThatThrownBy(() -> guarded.get(URI.create(url), Map.of(), TIMEOUT)).as(url)
                    .isInstanceOf(OutboundHttpException.class).hasMessageContaining(reason);
            assertThatThrownBy(() -> guarded.check(URI.create(url))).as(url)
                    .isInstanceOf(OutboundHttpException.class).hasMessageContaining(reason);
        });
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void theOperatorSettingOpensLoopbackAndPrivateNetworksButNeverLinkLocalAddresses() throws Exception {
        try (OutboundHttp open = new OutboundHttp(true, Duration.ofMillis(500), 1024)) {
            var answer = open.get(URI.create("http://127.0.0.1:" + server.port() + "/x"), Map.of("Accept", "text/plain"), TIMEOUT);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).isEqualTo("internal secrets");
            open.check(URI.create("http://10.1.2.3/v1"));
            assertThatThrownBy(() -> open.check(URI.create("http://169.254.169.254/"))).hasMessageContaining("never");
            assertThatThrownBy(() -> open.check(URI.create("http://224.0.0.1/"))).hasMessageContaining("multicast");
        }
        server.verify(1, getRequestedFor(urlEqualTo("/x")).withHeader("Accept", equalTo("text/plain")));
    }

    @Test
    void aNameIsResolvedOnceAndTheConnectionGoesToTheAddressThatWasChecked() throws Exception {
        // A name that answers a public address first and the loopback address afterwards (DNS rebinding): if the client
        // looked it up again to connect, it would reach WireMock on the loopback address at this port.
        AtomicInteger lookups = new AtomicInteger();
        DnsResolver rebinding = new StubResolver(host -> InetAddress.getByName(lookups.getAndIncrement() == 0 ? "203.0.113.7" : "127.0.0.1"));
        try (OutboundHttp http = new OutboundHttp(rebinding, false, Duration.ofMillis(300), 1024)) {
            assertThatThrownBy(() -> http.get(URI.create("http://rebind.example:" + server.port() + "/"), Map.of(), TIMEOUT))
                    .isInstanceOf(OutboundHttpException.class);
        }
        assertThat(lookups).hasValue(1);
        assertThat(server.getAllServeEvents()).isEmpty();

        // And a name is called at the address it resolved to, with its own name as the Host.
        DnsResolver local = new StubResolver(host -> InetAddress.getByName("127.0.0.1"));
        try (OutboundHttp http = new OutboundHttp(local, true, Duration.ofMillis(300), 1024)) {
            assertThat(http.get(URI.create("http://provider.example:" + server.port() + "/named"), Map.of(), TIMEOUT).status()).isEqualTo(200);
        }
        server.verify(getRequestedFor(urlEqualTo("/named")).withHeader("Host", equalTo("provider.example:" + server.port())));
    }

    @Test
    void redirectsAreAnswersNotFollowed() throws Exception {
        server.stubFor(get(urlEqualTo("/moved")).willReturn(aResponse().withStatus(302).withHeader("Location", "/inside")));
        try (OutboundHttp open = new OutboundHttp(true, Duration.ofMillis(500), 1024)) {
            assertThat(open.get(URI.create(server.baseUrl() + "/moved"), Map.of(), TIMEOUT).status()).isEqualTo(302);
        }
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void anAnswerIsBoundedInSizeAndTime() throws Exception {
        server.stubFor(get(urlEqualTo("/big")).willReturn(aResponse().withBody("x".repeat(4096))));
        server.stubFor(get(urlEqualTo("/exact")).willReturn(aResponse().withBody("x".repeat(1024))));
        // 20 chunks over 6 s: each arrives well within the read timeout, the whole answer does not.
        server.stubFor(get(urlEqualTo("/drip")).willReturn(aResponse().withBody("x".repeat(200)).withChunkedDribbleDelay(20, 6_000)));
        try (OutboundHttp open = new OutboundHttp(true, Duration.ofMillis(500), 1024)) {
            assertThatThrownBy(() -> open.get(URI.create(server.baseUrl() + "/big"), Map.of(), TIMEOUT))
                    .isInstanceOf(OutboundHttpException.class).hasMessageContaining("more than 1024 bytes");
            assertThat(open.get(URI.create(server.baseUrl() + "/exact"), Map.of(), TIMEOUT).body()).hasSize(1024);
            long start = System.nanoTime();
            assertThatThrownBy(() -> open.get(URI.create(server.baseUrl() + "/drip"), Map.of(), TIMEOUT))
                    .isInstanceOf(OutboundHttpException.class).hasMessageContaining("did not answer within 2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("cut off before the answer ends").isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void onlyHttpUrlsWithAHostAreCalled() {
        for (String url : List.of("ftp://example.com/", "file:///etc/passwd", "http:/no-host", "mailto:a@example.com")) {
            assertThatThrownBy(() -> guarded.check(URI.create(url))).as(url).hasMessageContaining("only http and https");
        }
        assertThatThrownBy(() -> guarded.check(URI.create("http://no-such-host.invalid/"))).hasMessageContaining("cannot resolve");
    }

    /** A resolver answering from a function; the canonical name comes from the system's. */
    private record StubResolver(Lookup lookup) implements DnsResolver {
        interface Lookup {
            InetAddress resolve(String host) throws UnknownHostException;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return new InetAddress[] {lookup.resolve(host)};
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
