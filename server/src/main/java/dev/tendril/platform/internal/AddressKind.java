package dev.tendril.platform.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * What an IP address reaches, as far as an outbound call is concerned. IPv6 forms that carry an IPv4
 * address (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96} and
 * 6to4 {@code 2002::/16}) are judged by the IPv4 address they carry.
 */
public enum AddressKind {
    PUBLIC("a public address"),
    LOOPBACK("a loopback address"),
    PRIVATE("a private-network address"),
    /** 100.64.0.0/10, carrier-grade NAT: inside a provider's network, not the internet. */
    SHARED("a shared (carrier-grade NAT) address"),
    /** 169.254.0.0/16 and fe80::/10, where cloud metadata services answer. */
    LINK_LOCAL("a link-local address"),
    MULTICAST("a multicast address"),
    UNSPECIFIED("an unspecified (any-local) address"),
    /** 240.0.0.0/4 and the broadcast address. */
    RESERVED("a reserved address");

    private final String description;

    AddressKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * Whether a call may go there: public addresses always; loopback, private and shared ones only when the
     * operator allows private networks (a model server on the same host or network); link-local, multicast,
     * unspecified and reserved ones never, since no HTTP service a user means to name lives there.
     */
    public boolean allowed(boolean privateNetworksAllowed) {
        return switch (this) {
            case PUBLIC -> true;
            case LOOPBACK, PRIVATE, SHARED -> privateNetworksAllowed;
            case LINK_LOCAL, MULTICAST, UNSPECIFIED, RESERVED -> false;
        };
    }

    public static AddressKind of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ofIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return ofIpv6(bytes);
        }
        throw new IllegalArgumentException("not an IP address: " + address);
    }

    private static AddressKind ofIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return UNSPECIFIED; // 0.0.0.0/8, "this network": 0.0.0.0 reaches the local host
        }
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return PRIVATE;
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return SHARED;
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL;
        }
        if ((a0 & 0xf0) == 224) {
            return MULTICAST;
        }
        if ((a0 & 0xf0) == 240) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] b) {
        if (allZero(b, 0, 16)) {
            return UNSPECIFIED;
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return LOOPBACK;
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ofIpv4(tail(b, 12)); // ::ffff:a.b.c.d, mapped (the JDK already turns most into Inet4Address)
        }
        if (allZero(b, 0, 12)) {
            return ofIpv4(tail(b, 12)); // ::a.b.c.d, compatible
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return ofIpv4(tail(b, 12)); // 64:ff9b::a.b.c.d, NAT64
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return ofIpv4(tail(b, 2)); // 2002:aabb:ccdd::/48, 6to4
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0xff) {
            return MULTICAST;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)) {
            return PRIVATE; // fc00::/7 unique local, fec0::/10 site-local
        }
        return PUBLIC;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] b, int from) {
        byte[] v4 = new byte[4];
        System.arraycopy(b, from, v4, 0, 4);
        return v4;
    }
}
