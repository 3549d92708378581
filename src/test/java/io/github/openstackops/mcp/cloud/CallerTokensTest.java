package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.catalog.ActingIdentity;
import io.github.openstackops.mcp.catalog.OpenStackCredential;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Callers' application credentials in the cloud session: each is authenticated once and its token cached apart from
 * the server's (keyed by a hash), the current identity decides which token a call uses, and one caller's
 * rejected credential neither fails another's calls nor the server's, nor shows its secret.
 */
class CallerTokensTest {

    static final OpenStackCredential ADMIN = OpenStackCredential.presented("adm-1", "adm-secret-0123456789");
    static final OpenStackCredential DEMO = OpenStackCredential.presented("demo-1", "demo-secret-0123456789");
    static final OpenStackCredential WRONG = OpenStackCredential.presented("adm-1", "not-the-secret-0123456789");

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private CloudSession session(FakeOpenStack fake, int cacheSize) {
        Map<String, Object> properties = new HashMap<>(fake.properties());
        properties.put("mcp.identity.cache-size", cacheSize);
        ApplicationContext context = TestContexts.plain(properties);
        closing.add(context);
        return context.getBean(CloudSession.class);
    }

    private FakeOpenStack fake() {
        FakeOpenStack fake = FakeOpenStack.start()
                .applicationCredential("adm-1", "adm-secret-0123456789", "token-admin.json")
                .applicationCredential("demo-1", "demo-secret-0123456789", "token-demo.json");
        closing.add(fake);
        return fake;
    }

    private static <T> T as(OpenStackCredential credential, java.util.function.Supplier<T> work) {
        try (ActingIdentity.Scope ignored = ActingIdentity.enter(credential)) {
            return work.get();
        }
    }

    @Test
    void each_identity_has_its_own_token_authenticated_once() {
        FakeOpenStack fake = fake();
        CloudSession session = session(fake, 10);

        assertThat(session.verify(ADMIN).roles()).contains("admin");
        assertThat(session.verify(ADMIN).project().name()).isEqualTo("admin");
        assertThat(session.verify(DEMO).roles()).doesNotContain("admin");
        assertThat(session.isAdmin()).isFalse(); // the server's own identity is demo's password
        assertThat(as(ADMIN, session::isAdmin)).isTrue();
        assertThat(as(ADMIN, () -> session.token().getId())).startsWith(FakeOpenStack.tokenPrefix("adm-1"));
        assertThat(as(DEMO, () -> session.token().getId())).startsWith(FakeOpenStack.tokenPrefix("demo-1"));
        assertThat(session.token().getId()).doesNotContain("appcred");

        assertThat(fake.authentications()).isEqualTo(3);
        assertThat(CloudSession.identityKey()).isEqualTo("service");
        assertThat(as(ADMIN, CloudSession::identityKey)).isEqualTo(ADMIN.key()).doesNotContain(ADMIN.secret());
    }

    @Test
    void a_rejected_credential_fails_alone_and_names_its_id_only() {
        FakeOpenStack fake = fake();
        CloudSession session = session(fake, 10);

        assertThatThrownBy(() -> session.verify(WRONG)).isInstanceOf(CloudSession.CredentialRejected.class)
                .hasMessageContaining("application credential adm-1").hasMessageContaining("HTTP 401")
                .hasMessageNotContaining(WRONG.secret());
        // no failure memory across identities: the right secret, another caller and the server all still work
        assertThat(session.verify(ADMIN).roles()).contains("admin");
        assertThat(session.verify(DEMO).roles()).contains("member");
        assertThat(session.scope().user().name()).isEqualTo("demo");
        // and a wrong secret is asked again (it may have been a typo), never served from the right one's cache
        assertThatThrownBy(() -> session.verify(WRONG)).isInstanceOf(CloudSession.CredentialRejected.class);
    }
}
