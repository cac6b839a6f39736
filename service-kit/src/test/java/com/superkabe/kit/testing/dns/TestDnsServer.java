package com.superkabe.kit.testing.dns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real DNS server on loopback (UDP, RFC 1035 wire format) serving A, MX and TXT records from
 * memory, for tests of code that resolves through the network. Names can be made to time out
 * (no answer) or fail (SERVFAIL). Unknown names answer NXDOMAIN; known names without the asked
 * type answer NODATA.
 */
public final class TestDnsServer implements AutoCloseable {

    private static final int A = 1;
    private static final int MX = 15;
    private static final int TXT = 16;

    private final DatagramSocket socket;
    private final Map<String, List<byte[]>> records = new ConcurrentHashMap<>();
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Thread worker;

    public TestDnsServer() {
        try {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new IllegalStateException("cannot bind a loopback UDP port", e);
        }
        worker = Thread.ofPlatform().name("test-dns").daemon().start(this::serve);
    }

    /** "127.0.0.1:port", the form resolvers in this project are configured with. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public TestDnsServer a(String name, String ipv4) {
        byte[] rdata = new byte[4];
        String[] parts = ipv4.split("\\.");
        for (int i = 0; i < 4; i++) {
            rdata[i] = (byte) Integer.parseInt(parts[i]);
        }
        return add(name, A, rdata);
    }

    public TestDnsServer mx(String domain, int preference, String host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(preference >> 8);
        out.write(preference & 0xff);
        writeName(out, host);
        return add(domain, MX, out.toByteArray());
    }

    public TestDnsServer txt(String name, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 255) {
            int len = Math.min(255, bytes.length - i);
            out.write(len);
            out.write(bytes, i, len);
        }
        return add(name, TXT, out.toByteArray());
    }

    /** The name exists but has no records (answers NODATA for every type). */
    public TestDnsServer exists(String name) {
        names.add(key(name));
        return this;
    }

    /** Questions about this name get no answer at all: the client times out. */
    public TestDnsServer timeout(String name) {
        silent.add(key(name));
        return this;
    }

    /** Questions about this name get SERVFAIL. */
    public TestDnsServer servfail(String name) {
        failing.add(key(name));
        return this;
    }

    @Override
    public void close() {
        socket.close();
        worker.interrupt();
    }

    private TestDnsServer add(String name, int type, byte[] rdata) {
        names.add(key(name));
        records.computeIfAbsent(key(name) + "/" + type, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(rdata);
        return this;
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] reply = answer(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                if (reply != null) {
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] answer(byte[] query) {
        int pos = 12;
        StringBuilder name = new StringBuilder();
        while (query[pos] != 0) {
            int len = query[pos] & 0xff;
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(query, pos + 1, len, StandardCharsets.US_ASCII));
            pos += len + 1;
        }
        int questionEnd = pos + 5;
        int type = ((query[pos + 1] & 0xff) << 8) | (query[pos + 2] & 0xff);
        String key = key(name.toString());
        if (silent.contains(key)) {
            return null;
        }
        int rcode = failing.contains(key) ? 2 : names.contains(key) ? 0 : 3;
        List<byte[]> answers = rcode == 0 ? records.getOrDefault(key + "/" + type, List.of()) : List.of();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(query, 0, 2);
        out.write(0x84 | (query[2] & 0x01));
        out.write(0x80 | rcode);
        out.write(new byte[] {0, 1, 0, (byte) answers.size(), 0, 0, 0, 0}, 0, 8);
        out.write(query, 12, questionEnd - 12);
        for (byte[] rdata : answers) {
            out.write(new byte[] {(byte) 0xC0, 12, 0, (byte) type, 0, 1, 0, 0, 0, 60,
                    (byte) (rdata.length >> 8), (byte) rdata.length}, 0, 12);
            out.write(rdata, 0, rdata.length);
        }
        return out.toByteArray();
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        for (String label : name.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        out.write(0);
    }

    private static String key(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

}
