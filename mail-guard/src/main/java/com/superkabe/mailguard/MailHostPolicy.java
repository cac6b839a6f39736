package com.superkabe.mailguard;

// Twin copies in send-adapter-service and reply-poller-service (same class name): change both, until the
// kit owns them (ADR 0027).

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which mailbox servers the platform may connect to (ADR 0027). A mailbox's SMTP or IMAP host is
 * user input: without this policy an organization could point the adapter at the platform's own
 * database, broker or a cloud metadata endpoint. An address is refused when it is unspecified,
 * loopback, link-local, private (RFC 1918, RFC 6598 shared space, IPv6 unique-local and site-local),
 * multicast or broadcast, unless the operator allow-lists it ({@code superkabe.mailbox.allowed-hosts}:
 * host names, IP addresses or CIDR blocks). A refused port (the stack's own services) is refused on
 * any host, allow-listed or not. The policy only classifies the address it is given: resolving a name
 * is the caller's, which must then connect to exactly the address it checked.
 */
public final class MailHostPolicy {

    private final Set<String> allowedNames;
    private final List<Cidr> allowedBlocks;
    private final Set<Integer> refusedPorts;

    private MailHostPolicy(Set<String> allowedNames, List<Cidr> allowedBlocks, Set<Integer> refusedPorts) {
        this.allowedNames = Set.copyOf(allowedNames);
        this.allowedBlocks = List.copyOf(allowedBlocks);
        this.refusedPorts = Set.copyOf(refusedPorts);
    }

    /**
     * @param allowedHosts host names (matched case-insensitively against the name the mailbox gives),
     *                     IP addresses or CIDR blocks such as {@code 127.0.0.0/8} or {@code ::1/128}
     * @param refusedPorts ports never connected to, on any host
     * @throws IllegalArgumentException naming the entry that is neither a name, an address nor a block
     */
    public static MailHostPolicy of(Collection<String> allowedHosts, Collection<Integer> refusedPorts) {
        Set<String> names = new HashSet<>();
        List<Cidr> blocks = new ArrayList<>();
        for (String raw : allowedHosts) {
            String entry = raw == null ? "" : raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Optional<Cidr> block = Cidr.parse(entry);
            if (block.isPresent()) {
                blocks.add(block.get());
            } else if (HostSyntax.problem(entry).isEmpty()) {
                names.add(entry.toLowerCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException("superkabe.mailbox.allowed-hosts: '" + entry
                        + "' is neither a host name, an IP address nor a CIDR block");
            }
        }
        return new MailHostPolicy(names, blocks, new HashSet<>(refusedPorts));
    }

    /** Refuses every private, local and special address; for production with no exceptions. */
    public static MailHostPolicy strict() {
        return of(List.of(), List.of());
    }

    /**
     * Why the platform must not connect to {@code address:port}, reached under the name {@code host};
     * empty when it may.
     */
    public Optional<String> refusal(String host, InetAddress address, int port) {
        if (refusedPorts.contains(port)) {
            return Optional.of("port " + port + " belongs to the platform's own services");
        }
        if (host != null && allowedNames.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (allowedBlocks.stream().anyMatch(b -> b.contains(address))) {
            return Optional.empty();
        }
        return specialUse(address).map(kind -> address.getHostAddress() + " is a " + kind
                + " address (allow it with superkabe.mailbox.allowed-hosts)");
    }

    /**
     * The refusal of a host that needs no lookup to judge, for the API: an IP literal, or a
     * {@code localhost} name (RFC 6761), on its port. Other names are judged at connect time, once resolved.
     */
    public Optional<String> refusalWithoutLookup(String host, int port) {
        if (refusedPorts.contains(port)) {
            return Optional.of("port " + port + " belongs to the platform's own services");
        }
        Optional<InetAddress> literal = HostSyntax.literal(host);
        if (literal.isPresent()) {
            return refusal(host, literal.get(), port);
        }
        String name = host.toLowerCase(Locale.ROOT);
        if ((name.equals("localhost") || name.endsWith(".localhost")) && !allowedNames.contains(name)
                && allowedBlocks.stream().noneMatch(b -> b.contains(InetAddress.getLoopbackAddress()))) {
            return Optional.of(host + " is a loopback name (allow it with superkabe.mailbox.allowed-hosts)");
        }
        return Optional.empty();
    }

    /** The kind of special-use address, or empty for an ordinary public unicast address. */
    static Optional<String> specialUse(InetAddress a) {
        if (a instanceof Inet6Address v6 && embeddedIpv4(v6) != null) {
            return specialUse(embeddedIpv4(v6));
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("this-network");
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("private (shared address space)");
            }
            if (first >= 240) {
                return Optional.of(first == 255 && (b[3] & 0xff) == 255 ? "broadcast" : "reserved");
            }
        } else if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("private (unique local)");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-compatible ({@code ::a.b.c.d}) or NAT64 ({@code 64:ff9b::a.b.c.d}) address. */
    private static InetAddress embeddedIpv4(Inet6Address a) {
        byte[] b = a.getAddress();
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (!compatible && !nat64 || a.isLoopbackAddress() || a.isAnyLocalAddress()) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An address block; a bare address is a block of one. */
    private record Cidr(byte[] network, int prefix) {

        static Optional<Cidr> parse(String entry) {
            int slash = entry.indexOf('/');
            String addr = slash < 0 ? entry : entry.substring(0, slash);
            Optional<InetAddress> a = HostSyntax.literal(addr);
            if (a.isEmpty()) {
                return Optional.empty();
            }
            int bits = a.get().getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return prefix < 0 || prefix > bits ? Optional.empty() : Optional.of(new Cidr(a.get().getAddress(), prefix));
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((b[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
