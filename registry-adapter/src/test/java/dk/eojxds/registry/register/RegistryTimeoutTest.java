package dk.eojxds.registry.register;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dk.eojxds.registry.RegistryAdapterApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A registry that accepts the connection and never answers does not hold a registration for
 * ever: the call fails after {@code eojxds.registry.receive-timeout} (and the outbox retries it).
 */
@SpringBootTest(classes = RegistryAdapterApplication.class, properties = {"spring.config.name=registry-adapter",
        "eojxds.registry.poll-interval=PT1H", "eojxds.registry.receive-timeout=PT1S",
        "eojxds.registry.dgws.enabled=false", "eojxds.registry.dgws.insecure-local-development=true"})
class RegistryTimeoutTest {

    static final ServerSocket SILENT = silentServer();
    static final List<Socket> HELD = new ArrayList<>();

    @Autowired
    RegistryClient registry;
    @Autowired
    RegistryProperties properties;

    private static ServerSocket silentServer() {
        try {
            ServerSocket server = new ServerSocket(0);
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        HELD.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-registry");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) {
        registry.add("eojxds.registry.iti42-url", () -> "http://localhost:" + SILENT.getLocalPort() + "/iti42");
        registry.add("eojxds.registry.iti57-url", () -> "http://localhost:" + SILENT.getLocalPort() + "/iti57");
    }

    @AfterAll
    static void close() throws IOException {
        SILENT.close();
    }

    @Test
    void aRegistryThatNeverAnswersFailsTheCallInsteadOfHangingIt() {
        var submission = new SubmissionFactory(properties).create(SubmissionFactoryTest.document(null), Instant.now());
        // the bound here only keeps a regression from hanging the build; the timeout under test is 1 s
        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                assertThatThrownBy(() -> registry.register(submission)).hasStackTraceContaining("timed out"));
    }
}
