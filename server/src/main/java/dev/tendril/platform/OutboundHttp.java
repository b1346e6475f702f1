package dev.tendril.platform;

import dev.tendril.platform.internal.GuardedDnsResolver;
import dev.tendril.platform.internal.RefusedAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Every HTTP call Tendril makes to an address a user or an operator typed (an AI provider, the weather service;
 * webhooks and channel providers later) goes through here, so none can be turned on Tendril's own network:
 * <ul>
 * <li>the host is resolved once, and refused when any address is loopback, private, shared (CGNAT), link-local,
 * multicast, unspecified or reserved, IPv6 forms carrying such an IPv4 address included ({@code
 * tendril.outbound.allow-private-networks} lets loopback, private and shared ones through); the connection goes
 * to the very addresses that were checked;</li>
 * <li>no redirect is followed (a 3xx is an answer like any other), no proxy is used, nothing is decompressed;</li>
 * <li>connecting is bounded by {@code tendril.outbound.connect-timeout}, the whole call by the caller's timeout, and
 * the answer by {@code tendril.outbound.max-response-size}.</li>
 * </ul>
 * The caller shows a user at most the status: an answer's body may be anything the target holds.
 */
public final class OutboundHttp implements AutoCloseable {
    private static final Set<String> SCHEMES = Set.of("http", "https");

    /** An answer: its status and body (at most the configured size). */
    public record Response(int status, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean successful() {
            return status / 100 == 2;
        }
    }

    private final GuardedDnsResolver resolver;
    private final CloseableHttpClient client;
    private final long maxResponseBytes;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("outbound-http-deadline").factory());

    public OutboundHttp(boolean privateNetworksAllowed, Duration connectTimeout, long maxResponseBytes) {
        this(SystemDefaultDnsResolver.INSTANCE, privateNetworksAllowed, connectTimeout, maxResponseBytes);
    }

    /** With the resolver that names are looked up by (tests give one of their own). */
    OutboundHttp(DnsResolver system, boolean privateNetworksAllowed, Duration connectTimeout, long maxResponseBytes) {
        this.resolver = new GuardedDnsResolver(system, privateNetworksAllowed);
        this.maxResponseBytes = maxResponseBytes;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout)).build())
                        .setMaxConnTotal(50)
                        .setMaxConnPerRoute(10)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .setUserAgent("Tendril")
                .build();
    }

    /**
     * Checks a URL before it is saved, so a user learns at once that it cannot be called: http or https, with a
     * host whose every address may be reached.
     */
    public void check(URI url) {
        String host = hostOf(url);
        try {
            resolver.resolve(host);
        } catch (RefusedAddress e) {
            throw new OutboundHttpException(e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new OutboundHttpException("cannot resolve the host " + host, e);
        }
    }

    public Response get(URI url, Map<String, String> headers, Duration timeout) {
        return send(new HttpUriRequestBase("GET", url), hostOf(url), headers, timeout);
    }

    /** Posts {@code body} as {@code Content-Type} (one of {@code headers}) says. */
    public Response post(URI url, Map<String, String> headers, byte[] body, Duration timeout) {
        HttpUriRequestBase request = new HttpUriRequestBase("POST", url);
        request.setEntity(new ByteArrayEntity(body, null));
        return send(request, hostOf(url), headers, timeout);
    }

    private Response send(HttpUriRequestBase request, String host, Map<String, String> headers, Duration timeout) {
        headers.forEach(request::setHeader);
        request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build());
        // The response timeout bounds each wait for bytes; this bounds the whole call, however slowly they drip.
        ScheduledFuture<?> deadline = deadlines.schedule(request::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            return new Response(response.getCode(), read(response.getEntity(), request, host));
        } catch (RefusedAddress e) {
            throw new OutboundHttpException(e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new OutboundHttpException("cannot resolve the host " + host, e);
        } catch (ConnectTimeoutException e) {
            throw new OutboundHttpException("could not connect to " + host + " in time", e);
        } catch (InterruptedIOException e) {
            throw new OutboundHttpException(host + " did not answer within " + seconds(timeout), e);
        } catch (IOException e) {
            throw new OutboundHttpException(request.isCancelled() ? host + " did not answer within " + seconds(timeout)
                    : "could not reach " + host, e);
        } finally {
            deadline.cancel(false);
        }
    }

    private byte[] read(HttpEntity entity, HttpUriRequestBase request, String host) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseBytes + 1));
            if (body.length > maxResponseBytes) {
                request.cancel(); // drop the connection rather than read the rest
                throw new OutboundHttpException(host + " answered with more than " + maxResponseBytes + " bytes");
            }
            return body;
        }
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static String hostOf(URI url) {
        if (url.getScheme() == null || !SCHEMES.contains(url.getScheme().toLowerCase()) || url.getHost() == null) {
            throw new OutboundHttpException("only http and https URLs with a host can be called");
        }
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
