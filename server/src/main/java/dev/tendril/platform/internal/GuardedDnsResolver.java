package dev.tendril.platform.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a host once and refuses it when any of its addresses is one outbound calls may not reach. The HTTP
 * client connects to the addresses this returned, so a name cannot answer a public address to the check and a
 * private one to the connection (DNS rebinding).
 */
public final class GuardedDnsResolver implements DnsResolver {
    private final DnsResolver system;
    private final boolean privateNetworksAllowed;

    public GuardedDnsResolver(DnsResolver system, boolean privateNetworksAllowed) {
        this.system = system;
        this.privateNetworksAllowed = privateNetworksAllowed;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = system.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            AddressKind kind = AddressKind.of(address);
            if (!kind.allowed(privateNetworksAllowed)) {
                throw new RefusedAddress(host, address.getHostAddress(), kind);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return system.resolveCanonicalHostname(host);
    }
}
