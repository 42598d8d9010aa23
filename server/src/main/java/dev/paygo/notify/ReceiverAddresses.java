package dev.paygo.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs webhooks may be sent to. A URL is absolute {@code http} or {@code https} with a host, no user info
 * and no fragment. Unless private addresses are allowed, every address its host resolves to must be public:
 * not loopback, private (RFC 1918, IPv6 unique-local), link-local, carrier-grade NAT, multicast, unspecified or
 * reserved — so a webhook cannot reach into the operator's own network. Checked when an endpoint is registered
 * and again before each delivery (a name may resolve elsewhere later).
 */
final class ReceiverAddresses {
    static final int MAX_URL_LENGTH = 2048;

    private final boolean allowPrivate;

    ReceiverAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL parsed, or why it is refused. */
    Checked check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Checked.refused("is not a URL: " + e.getReason());
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Checked.refused("is longer than " + MAX_URL_LENGTH + " characters");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Checked.refused("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Checked.refused("must name a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Checked.refused("must not carry user info or a fragment");
        }
        return allowPrivate ? Checked.ok(uri) : resolvesPublicly(uri);
    }

    private static Checked resolvesPublicly(URI uri) {
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Checked.refused("has a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Checked.refused("resolves to " + address.getHostAddress() + ", a loopback, private or "
                        + "reserved address (the server must be started with --webhook-allow-private to send there)");
            }
        }
        return Checked.ok(uri);
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                          // 0.0.0.0/8 "this network"
                    && !(first == 100 && second >= 64 && second < 128)    // 100.64.0.0/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))  // 198.18.0.0/15 benchmarking
                    && first < 240;                                      // 240.0.0.0/4 reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc;                              // fc00::/7 unique local
        }
        return false;
    }

    /** A URL accepted (with its parsed form) or refused (with why). */
    record Checked(Optional<URI> uri, String refusal) {
        static Checked ok(URI uri) {
            return new Checked(Optional.of(uri), "");
        }

        static Checked refused(String why) {
            return new Checked(Optional.empty(), why);
        }
    }
}
