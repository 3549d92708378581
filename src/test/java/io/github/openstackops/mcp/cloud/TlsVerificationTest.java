package io.github.openstackops.mcp.cloud;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS is verified unless the operator turns it off; OS_CACERT trusts a private CA. */
class TlsVerificationTest {

    @TempDir
    static Path dir;
    static HttpsServer keystone;
    static Path caPem;

    @BeforeAll
    static void httpsKeystone() throws Exception {
        Path keystore = dir.resolve("keystone.p12");
        caPem = dir.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "keystone", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "keystone", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", caPem.toString());

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        keystone = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        keystone.setHttpsConfigurator(new HttpsConfigurator(tls));
        keystone.createContext("/identity/v3/auth/tokens", exchange -> {
            String base = "https://127.0.0.1:" + keystone.getAddress().getPort();
            byte[] body = FakeOpenStack.read("token-demo.json").replace("{{base}}", base)
                    .replaceAll("\"expires_at\": \"[^\"]+\"", "\"expires_at\": \""
                            + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Subject-Token", "tls-token");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        keystone.start();
    }

    @AfterAll
    static void stop() {
        keystone.stop(0);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
    }

    private static CloudSession session(Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "openstack.auth-url", "https://127.0.0.1:" + keystone.getAddress().getPort() + "/identity/v3",
                "openstack.username", "demo", "openstack.password", "tls-test-password",
                "openstack.project-name", "demo"));
        p.putAll(extra);
        ApplicationContext context = TestContexts.plain(p);
        CloudSession session = new CloudSession(context.getBean(CloudSettings.class));
        context.close();
        return session;
    }

    @Test
    void an_untrusted_certificate_is_refused_by_default_with_what_to_do() {
        assertThatThrownBy(() -> session(Map.of()).token())
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("TLS certificate could not be verified")
                .hasMessageContaining("OS_CACERT");
    }

    @Test
    void os_cacert_trusts_the_private_ca() {
        assertThat(session(Map.of("openstack.cacert", caPem.toString())).token().getId()).isEqualTo("tls-token");
    }

    @Test
    void os_insecure_switches_verification_off_when_the_operator_says_so() {
        assertThat(session(Map.of("openstack.insecure", true)).token().getId()).isEqualTo("tls-token");
    }
}
