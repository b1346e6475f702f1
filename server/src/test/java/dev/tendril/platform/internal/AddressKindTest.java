package dev.tendril.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an address reaches, for every range the outbound guard must tell apart, IPv6 forms carrying IPv4 included. */
class AddressKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "8.8.8.8, PUBLIC", "1.1.1.1, PUBLIC", "172.15.255.255, PUBLIC", "172.32.0.0, PUBLIC", "100.63.255.255, PUBLIC",
            "100.128.0.0, PUBLIC", "169.253.255.255, PUBLIC", "192.169.0.1, PUBLIC", "223.255.255.255, PUBLIC",
            "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK",
            "10.0.0.1, PRIVATE", "10.255.255.255, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
            "100.64.0.1, SHARED", "100.127.255.255, SHARED",
            "169.254.169.254, LINK_LOCAL", "169.254.0.1, LINK_LOCAL",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST",
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED",
            "240.0.0.1, RESERVED", "255.255.255.255, RESERVED",
    })
    void ipv4(String address, AddressKind kind) throws Exception {
        assertThat(AddressKind.of(InetAddress.getByName(address))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2606:4700:4700::1111, PUBLIC", "2001:4860:4860::8888, PUBLIC", "fbff::1, PUBLIC", "fe7f::1, PUBLIC",
            "::1, LOOPBACK",
            "::, UNSPECIFIED",
            "fc00::1, PRIVATE", "fd12:3456:789a::1, PRIVATE", "fec0::1, PRIVATE",
            "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL",
            "ff02::1, MULTICAST",
            "::ffff:127.0.0.1, LOOPBACK", "::ffff:169.254.169.254, LINK_LOCAL", "::ffff:192.168.0.1, PRIVATE", "::ffff:8.8.8.8, PUBLIC",
            // IPv4-compatible, NAT64 and 6to4 addresses carry an IPv4 address, judged as such.
            "::127.0.0.1, LOOPBACK", "::a9fe:a9fe, LINK_LOCAL", "::8.8.8.8, PUBLIC",
            "64:ff9b::10.0.0.1, PRIVATE", "64:ff9b::169.254.169.254, LINK_LOCAL", "64:ff9b::8.8.8.8, PUBLIC",
            "2002:7f00:1::1, LOOPBACK", "2002:a9fe:a9fe::1, LINK_LOCAL", "2002:0808:0808::1, PUBLIC",
    })
    void ipv6(String address, AddressKind kind) throws Exception {
        assertThat(AddressKind.of(InetAddress.getByName(address))).isEqualTo(kind);
    }

    /** The JDK turns a written {@code ::ffff:a.b.c.d} into an IPv4 address; one built from 16 bytes stays IPv6. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "00000000000000000000ffff7f000001, LOOPBACK", "00000000000000000000ffffa9fea9fe, LINK_LOCAL",
            "00000000000000000000ffff0a000001, PRIVATE", "00000000000000000000ffff00000000, UNSPECIFIED",
            "00000000000000000000ffff08080808, PUBLIC",
    })
    void ipv4MappedAddresses(String hex, AddressKind kind) throws Exception {
        InetAddress mapped = Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), -1);
        assertThat(mapped).isInstanceOf(Inet6Address.class);
        assertThat(AddressKind.of(mapped)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}: allowed {1}, with private networks allowed {2}")
    @CsvSource({
            "PUBLIC, true, true", "LOOPBACK, false, true", "PRIVATE, false, true", "SHARED, false, true",
            "LINK_LOCAL, false, false", "MULTICAST, false, false", "UNSPECIFIED, false, false", "RESERVED, false, false",
    })
    void whatTheOperatorSettingOpens(AddressKind kind, boolean byDefault, boolean withPrivateNetworks) {
        assertThat(kind.allowed(false)).isEqualTo(byDefault);
        assertThat(kind.allowed(true)).isEqualTo(withPrivateNetworks);
    }
}
