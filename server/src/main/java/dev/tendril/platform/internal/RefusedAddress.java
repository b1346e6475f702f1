package dev.tendril.platform.internal;

import java.net.UnknownHostException;

/** A host that resolves to an address outbound calls may not reach (a checked type of the resolver's signature). */
public final class RefusedAddress extends UnknownHostException {
    RefusedAddress(String host, String address, AddressKind kind) {
        super((host.equalsIgnoreCase(address) ? host + " is " : host + " resolves to ") + kind.description()
                + (kind.allowed(true) ? "; Tendril calls only public addresses unless tendril.outbound.allow-private-networks is set"
                        : "; Tendril never calls such an address"));
    }
}
