package com.subscriptionsuite.adapters.http.access;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The client's address as throttling and logs use it. Without trusted proxies it is the connection's
 * peer ({@code ctx.ip()}), and {@code X-Forwarded-For} is ignored (anyone can send it). With trusted
 * proxies ({@code SUITE_TRUSTED_PROXIES}, CIDRs), a request whose peer is one of them is taken from
 * {@code X-Forwarded-For}: the right-most address that is not itself a trusted proxy (each proxy appends
 * the address it received from, so the entries left of the first untrusted one could be forged by
 * the client). A shop's backend that calls the API for its customers is recognised the same way: list
 * its address as a trusted proxy and let it send {@code X-Forwarded-For: <customer address>}; each
 * customer then has its own per-address budget instead of all sharing the backend's.
 */
public final class ClientAddress {
    /** The context attribute the resolved address is kept under, for the request's handlers. */
    public static final String ATTRIBUTE = "clientAddress";
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Cidr> trusted;

    private ClientAddress(List<Cidr> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** No trusted proxies: the peer's address always. */
    public static ClientAddress peerOnly() {
        return new ClientAddress(List.of());
    }

    /** Trusting the proxies of {@code cidrs} ("10.0.0.0/8", "192.168.1.7", "fd00::/8"); every malformed one is named. */
    public static ClientAddress trusting(List<String> cidrs) {
        List<Cidr> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String cidr : cidrs) {
            Cidr c = Cidr.parse(cidr.strip());
            if (c == null) {
                problems.add(cidr);
            } else {
                parsed.add(c);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + String.join(", ", problems));
        }
        return new ClientAddress(parsed);
    }

    /** Whether {@code cidr} is an IP address literal or a CIDR block this class understands. */
    public static boolean valid(String cidr) {
        return Cidr.parse(cidr.strip()) != null;
    }

    /** The address of the client of this request: the peer's, or the forwarded one behind trusted proxies. */
    public String resolve(String peer, String forwardedFor) {
        if (trusted.isEmpty() || forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!LITERAL.matcher(hop).matches() || Cidr.bytes(hop) == null) {
                return peer; // a malformed chain: do not guess
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** The address {@code HttpApi} resolved for this request, else the peer's. */
    public static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE) instanceof String address ? address : ctx.ip();
    }

    private boolean isTrusted(String address) {
        byte[] bytes = Cidr.bytes(address);
        return bytes != null && trusted.stream().anyMatch(c -> c.contains(bytes));
    }

    /** An address block: the network's bytes and the prefix length. */
    private record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            Objects.requireNonNull(text, "text");
            String[] parts = text.split("/", -1);
            if (parts.length > 2 || !LITERAL.matcher(parts[0]).matches()) {
                return null;
            }
            byte[] network = bytes(parts[0]);
            if (network == null) {
                return null;
            }
            int prefix = network.length * 8;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    return null;
                }
            }
            return new Cidr(network, prefix);
        }

        /** The bytes of an IP literal (never a name lookup), null when it is none. */
        static byte[] bytes(String literal) {
            if (!LITERAL.matcher(literal).matches() || (literal.indexOf(':') < 0 && !literal.matches(
                    "\\d{1,3}(\\.\\d{1,3}){3}"))) {
                return null;
            }
            try {
                return InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
