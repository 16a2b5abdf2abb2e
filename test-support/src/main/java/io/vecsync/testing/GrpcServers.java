package io.vecsync.testing;

import io.grpc.Server;

import java.util.concurrent.TimeUnit;

/** What the protocol-level fakes share about their gRPC servers. */
public final class GrpcServers {

    private GrpcServers() {
    }

    /** Stops the server at once, cancelling calls in flight, and waits a few seconds for it to go. */
    public static void stop(Server server) {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
