package org.chemoadvisor.cdshooks.data;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.apache.http.conn.DnsResolver;
import org.apache.http.impl.conn.SystemDefaultDnsResolver;

/**
 * Resolves the host of a fallback call and refuses addresses no EHR FHIR server has: link-local
 * (169.254.0.0/16, which holds the cloud metadata service 169.254.169.254, and fe80::/10), the
 * unspecified address (0.0.0.0, ::), multicast, and the AWS IPv6 metadata address fd00:ec2::254.
 * This holds even for an allowlisted URL, and for a name that resolves to such an address (DNS
 * rebinding), because it runs at connect time. Loopback and private ranges stay callable when
 * allowlisted: an EHR's FHIR server is often on an internal network, and the allowlist decides.
 */
final class OutboundAddressFilter implements DnsResolver {

    private static final byte[] AWS_IPV6_METADATA = address("fd00:ec2::254");

    private final DnsResolver delegate;

    OutboundAddressFilter() {
        this(SystemDefaultDnsResolver.INSTANCE);
    }

    OutboundAddressFilter(DnsResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = delegate.resolve(host);
        for (InetAddress address : addresses) {
            if (isForbidden(address)) {
                throw new RefusedAddressException();
            }
        }
        return addresses;
    }

    static boolean isForbidden(InetAddress address) {
        InetAddress a = unmapped(address);
        return a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()
                || Arrays.equals(a.getAddress(), AWS_IPV6_METADATA);
    }

    /** ::ffff:169.254.169.254 is 169.254.169.254. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
            try {
                return Inet4Address.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The host resolved to an address the fallback never calls; no connection was opened. */
    static final class RefusedAddressException extends UnknownHostException {

        RefusedAddressException() {
            super("address refused: link-local, metadata, unspecified or multicast");
        }
    }
}
