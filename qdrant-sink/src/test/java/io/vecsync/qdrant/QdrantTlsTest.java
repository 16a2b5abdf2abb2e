/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.TlsServerCredentials;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.qdrant.fake.FakeQdrant;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import io.vecsync.testing.StoreTestHarness;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS to the server: a private CA through qdrant.tls.ca.file, and the failures a wrong trust setup gives. */
class QdrantTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static FakeQdrant qdrant;
    private static Path caFile;
    private final StoreTestHarness<VectorSinkTask> tasks = new StoreTestHarness<>(QdrantSinkTask::new);

    /** A self-signed certificate for 127.0.0.1 made by the JDK's keytool: the fake serves it, the sink trusts it as its CA. */
    @BeforeAll
    static void startTlsFake() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "qdrant",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        new String(PASSWORD),
                        "-keypass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        qdrant = FakeQdrant.start(
                "tls-key",
                TlsServerCredentials.newBuilder()
                        .keyManager(keys.getKeyManagers())
                        .build());
        caFile = dir.resolve("ca.pem");
        Files.writeString(
                caFile,
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(store.getCertificate("qdrant").getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
    }

    @AfterAll
    static void stopFake() {
        qdrant.close();
    }

    @AfterEach
    void stopTasks() {
        tasks.close();
    }

    private VectorSinkTask start(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(
                QdrantSinkConfig.HOST,
                qdrant.host(),
                QdrantSinkConfig.PORT,
                Integer.toString(qdrant.port()),
                QdrantSinkConfig.API_KEY,
                "tls-key",
                CommonSinkConfig.EMBEDDING_DIMENSION,
                "2",
                CommonSinkConfig.RETRY_MAX,
                "1",
                CommonSinkConfig.RETRY_BACKOFF_MS,
                "10"));
        props.putAll(extra);
        return tasks.start(props);
    }

    @Test
    void aServerCertificateFromTheConfiguredCaIsTrusted() {
        String id = SegmentRecords.id(0);
        SinkTasks.write(
                start(Map.of(QdrantSinkConfig.TLS, "true", QdrantSinkConfig.TLS_CA_FILE, caFile.toString())),
                List.of(tasks.records().segment(0).vector(List.of(1, 2)).record()));
        assertEquals(List.of(id), List.copyOf(qdrant.points("video-segments").keySet()));
    }

    @Test
    void anUntrustedCertificateFailsNamingTheTlsSettings() {
        ConnectException error =
                assertThrows(ConnectException.class, () -> start(Map.of(QdrantSinkConfig.TLS, "true")));
        assertFalse(error instanceof RetriableException, "a retry cannot make the certificate trusted");
        assertTrue(
                error.getMessage().contains("TLS handshake failed")
                        && error.getMessage().contains(QdrantSinkConfig.TLS_CA_FILE),
                error.getMessage());
    }

    @Test
    void anUnreadableCaFileFailsNamingTheSetting() {
        ConnectException error = assertThrows(
                ConnectException.class,
                () -> start(Map.of(
                        QdrantSinkConfig.TLS,
                        "true",
                        QdrantSinkConfig.TLS_CA_FILE,
                        dir.resolve("missing.pem").toString())));
        assertTrue(
                error.getMessage().startsWith("cannot read CA certificates from " + QdrantSinkConfig.TLS_CA_FILE),
                error.getMessage());
    }
}
