package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given a real echo server behind the proxy, when a mode is switched on, then a real client sees that fault. */
class FaultProxyTest {

    private EchoServer echo;
    private FaultProxy proxy;

    @BeforeEach
    void startEchoAndProxy() throws IOException {
        echo = new EchoServer();
        proxy = FaultProxy.start("echo", 0, echo.port());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void passesBytesBothWaysWhileHealthy() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
        }
    }

    @Test
    void latencyHoldsEveryChunkBeforePassingItOn() throws IOException {
        // given
        proxy.latency(Duration.ofMillis(300));
        try (Socket client = connect()) {
            // when
            long t0 = System.nanoTime();
            String answer = roundTrip(client, "slow");
            // then: held on the way there and on the way back
            assertThat(answer).isEqualTo("slow");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }

    @Test
    void resetClosesOpenConnectionsWithAResetAndResetsNewOnesUntilHealed() throws IOException {
        try (Socket open = connect()) {
            assertThat(roundTrip(open, "before")).isEqualTo("before");

            // when
            proxy.reset();

            // then the open connection is reset, and so is a new one
            assertThatThrownBy(() -> readAfterWriting(open, "after")).isInstanceOf(SocketException.class);
            try (Socket fresh = connect()) {
                assertThatThrownBy(() -> readAfterWriting(fresh, "new")).isInstanceOf(SocketException.class);
            }
            assertThat(proxy.resets()).isGreaterThanOrEqualTo(2);
        }
        // and after healing connections pass again
        proxy.heal();
        try (Socket healed = connect()) {
            assertThat(roundTrip(healed, "healed")).isEqualTo("healed");
        }
    }

    @Test
    void stallHoldsTheBytesSoReadsTimeOutAndDeliversThemLateOnHeal() throws IOException {
        try (Socket client = connect()) {
            // given
            proxy.stall();
            client.setSoTimeout(300);

            // when / then: the answer does not come in time
            write(client, "held");
            assertThatThrownBy(() -> read(client, 4)).isInstanceOf(SocketTimeoutException.class);
            assertThat(echo.received()).isZero();

            // and after healing the held bytes arrive
            proxy.heal();
            client.setSoTimeout(5000);
            assertThat(read(client, 4)).isEqualTo("held");
        }
    }

    @Test
    void blackHoleAcceptsAndNeverAnswersAndResetsTheConnectionOnHeal() throws IOException {
        // given
        proxy.blackHole();
        try (Socket client = connect()) {
            client.setSoTimeout(300);

            // when: the connection is accepted and the request written
            write(client, "void");

            // then: no answer, and the server never saw the bytes
            assertThatThrownBy(() -> read(client, 4)).isInstanceOf(SocketTimeoutException.class);
            assertThat(echo.received()).isZero();

            // and on heal the connection, which lost bytes, is reset
            proxy.heal();
            client.setSoTimeout(5000);
            assertThatThrownBy(() -> {
                read(client, 1);
                write(client, "x");
                read(client, 1);
            }).isInstanceOf(IOException.class);
        }
        try (Socket fresh = connect()) {
            assertThat(roundTrip(fresh, "again")).isEqualTo("again");
        }
    }

    @Test
    void aConnectionToADeadTargetIsResetLikeARefusal() throws IOException {
        // given the server behind the proxy is gone
        echo.close();
        try (Socket client = connect()) {
            // then
            assertThatThrownBy(() -> readAfterWriting(client, "anyone")).isInstanceOf(IOException.class);
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        s.setSoTimeout(5000);
        return s;
    }

    private static String roundTrip(Socket s, String text) throws IOException {
        write(s, text);
        return read(s, text.length());
    }

    private static String readAfterWriting(Socket s, String text) throws IOException {
        write(s, text);
        String got = read(s, text.length());
        throw new AssertionError("expected no answer, got '" + got + "'");
    }

    private static void write(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads exactly n bytes; an orderly end of stream counts as a failure too (IOException). */
    private static String read(Socket s, int n) throws IOException {
        InputStream in = s.getInputStream();
        byte[] got = in.readNBytes(n);
        if (got.length < n) {
            throw new java.io.EOFException("connection ended after " + got.length + " of " + n + " bytes");
        }
        return new String(got, StandardCharsets.US_ASCII);
    }

    /** Echoes every byte back and counts what it received. */
    private static final class EchoServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger received = new AtomicInteger();

        EchoServer() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread.ofVirtual().start(() -> echo(s));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private void echo(Socket s) {
            try (s) {
                byte[] b = new byte[1024];
                int n;
                while ((n = s.getInputStream().read(b)) >= 0) {
                    received.addAndGet(n);
                    s.getOutputStream().write(b, 0, n);
                }
            } catch (IOException gone) {
                // the test closed it
            }
        }

        int port() {
            return server.getLocalPort();
        }

        int received() {
            return received.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
