/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * A TCP proxy between a component and its peer that a test can break the way networks break: Toxiproxy's server
 * (built by bin/toxiproxy-provision), one per test JVM, driven through its Java client. Tests that need it call
 * {@link #available()} in an assumption, so they skip where the server could not be built.
 */
public final class FaultProxy implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static ToxiproxyClient client;

    private final Proxy proxy;
    private final int port;

    private FaultProxy(Proxy proxy, int port) {
        this.proxy = proxy;
        this.port = port;
    }

    /** Whether Toxiproxy's server is here: named by VECSYNC_TOXIPROXY_SERVER, or where bin/toxiproxy-provision builds it. */
    public static boolean available() {
        return server() != null;
    }

    /** Skips the calling test where Toxiproxy is missing, saying so in one line of the build's output. */
    public static void assumeAvailable(String suite) {
        if (!available()) {
            System.out.println("[" + suite + "] skipped: Toxiproxy's server is not built here"
                    + " (bin/toxiproxy-provision needs Go)");
        }
        Assumptions.assumeTrue(available(), "Toxiproxy's server is not built here (bin/toxiproxy-provision needs Go)");
    }

    /** A proxy to {@code upstreamHost:upstreamPort}, listening on a free loopback port, passing everything for now. */
    public static FaultProxy start(String name, String upstreamHost, int upstreamPort) {
        try {
            int port = Provisioned.freePort();
            Proxy proxy = client().createProxy(name, HOST + ":" + port, upstreamHost + ":" + upstreamPort);
            return new FaultProxy(proxy, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the fault proxy " + name, e);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** Nothing passes either way and no connection closes: the half-open network a cable pulled mid-stream leaves. */
    public void blackhole() {
        run(() -> {
            proxy.toxics().timeout("blackhole-down", ToxicDirection.DOWNSTREAM, 0);
            proxy.toxics().timeout("blackhole-up", ToxicDirection.UPSTREAM, 0);
        });
    }

    /** Every byte, on open connections and new ones, waits this long each way: a round trip takes twice as long more. */
    public void latency(Duration delay) {
        run(() -> {
            proxy.toxics().latency("latency-down", ToxicDirection.DOWNSTREAM, delay.toMillis());
            proxy.toxics().latency("latency-up", ToxicDirection.UPSTREAM, delay.toMillis());
        });
    }

    /** Resets (TCP RST) every open connection at its next bytes either way for 200 ms; new ones pass again. */
    public void resetConnections() {
        run(() -> {
            resetEveryConnection();
            Thread.sleep(200);
            heal();
        });
    }

    /** Until healed, resets every connection, open or new, as soon as bytes pass on it either way. */
    public void resetEveryConnection() {
        run(() -> {
            proxy.toxics().resetPeer("reset-down", ToxicDirection.DOWNSTREAM, 0);
            proxy.toxics().resetPeer("reset-up", ToxicDirection.UPSTREAM, 0);
        });
    }

    /**
     * Until healed, the peer hangs up on every connection, open or new, as soon as the component sends on it, and the
     * close reaches the component only {@code delay} later: meanwhile its request went nowhere and no answer comes.
     */
    public void slowClose(Duration delay) {
        run(() -> {
            proxy.toxics().slowClose("slow-close-down", ToxicDirection.DOWNSTREAM, delay.toMillis());
            // Passes no byte upstream and closes the connection to the peer at the first one.
            proxy.toxics().limitData("hang-up", ToxicDirection.UPSTREAM, 0);
        });
    }

    /** Closes every open connection and refuses new ones, as a peer that is down. */
    public void cutConnections() {
        run(proxy::disable);
    }

    /** Removes every fault: the network is whole again. */
    public void heal() {
        run(() -> {
            for (Toxic toxic : proxy.toxics().getAll()) {
                toxic.remove();
            }
            proxy.enable();
        });
    }

    @Override
    public void close() {
        run(proxy::delete);
    }

    private interface ProxyAction {
        void run() throws IOException, InterruptedException;
    }

    private static void run(ProxyAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the fault proxy did not take the change", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while changing the fault proxy", e);
        }
    }

    /** Starts this JVM's Toxiproxy server on first use; it is killed when the JVM exits. */
    private static synchronized ToxiproxyClient client() throws IOException {
        if (client == null) {
            Path server = server();
            if (server == null) {
                throw new IllegalStateException("Toxiproxy's server is not built; run bin/toxiproxy-provision");
            }
            int apiPort = Provisioned.freePort();
            Process process = new ProcessBuilder(server.toString(), "-host", HOST, "-port", Integer.toString(apiPort))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            Path.of(System.getProperty("java.io.tmpdir"), "toxiproxy.log")
                                    .toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            ToxiproxyClient started = new ToxiproxyClient(HOST, apiPort);
            Eventually.await(
                    Duration.ofSeconds(20), "Toxiproxy's server answering on " + apiPort, () -> answers(started));
            client = started;
        }
        return client;
    }

    private static boolean answers(ToxiproxyClient candidate) {
        try {
            candidate.version();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path server() {
        return Provisioned.executable("VECSYNC_TOXIPROXY_SERVER", "toxiproxy-v2.5.0/server");
    }
}
