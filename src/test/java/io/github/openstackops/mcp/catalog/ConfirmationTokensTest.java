package io.github.openstackops.mcp.catalog;

import io.github.openstackops.mcp.catalog.schema.Param;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfirmationTokensTest {

    record Args(@Param("s") String server, @Param("w") Boolean await) {
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final SafetyPolicy policy = new SafetyPolicy(true, false, true, null, null, Duration.ofMinutes(5),
            null, true);
    private final MutableClock clock = new MutableClock();
    private final ConfirmationTokens tokens = new ConfirmationTokens(policy, clock);
    private final Caller alice = new Caller("alice", Caller.AuthMethod.JWT, true);
    private final Caller bob = new Caller("bob", Caller.AuthMethod.JWT, true);

    @Test
    void a_token_confirms_exactly_the_call_it_was_issued_for_once() {
        ConfirmationTokens.Issued issued = tokens.issue("server_delete", new Args("web-1", true), alice);

        assertThat(issued.expiresAt()).isEqualTo(clock.now.plus(Duration.ofMinutes(5)));
        assertThatCode(() -> tokens.verify(issued.token(), "server_delete", new Args("web-1", true), alice))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> tokens.verify(issued.token(), "server_delete", new Args("web-1", true), alice))
                .hasMessageContaining("already been used");
    }

    @Test
    void other_arguments_another_tool_or_another_caller_are_refused() {
        String token = tokens.issue("server_delete", new Args("web-1", true), alice).token();

        assertThatThrownBy(() -> tokens.verify(token, "server_delete", new Args("db-1", true), alice))
                .isInstanceOf(ToolException.class).hasMessageContaining("other arguments");
        assertThatThrownBy(() -> tokens.verify(token, "volume_delete", new Args("web-1", true), alice))
                .hasMessageContaining("another tool");
        assertThatThrownBy(() -> tokens.verify(token, "server_delete", new Args("web-1", true), bob))
                .hasMessageContaining("another caller");
        assertThatThrownBy(() -> tokens.verify(token, "server_delete", new Args("web-1", false), alice))
                .hasMessageContaining("other arguments");
    }

    @Test
    void expired_forged_and_malformed_tokens_are_refused_with_what_to_do() {
        String token = tokens.issue("server_delete", new Args("web-1", true), alice).token();
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThatThrownBy(() -> tokens.verify(token, "server_delete", new Args("web-1", true), alice))
                .hasMessageContaining("expired").hasMessageContaining("without 'confirm'");

        String[] parts = token.split("\\.");
        String extended = (Long.parseLong(parts[0]) + 3600) + "." + parts[1] + "." + parts[2];
        assertThatThrownBy(() -> tokens.verify(extended, "server_delete", new Args("web-1", true), alice))
                .isInstanceOf(ToolException.class);
        assertThatThrownBy(() -> tokens.verify("nonsense", "server_delete", new Args("web-1", true), alice))
                .hasMessageContaining("malformed");
    }

    @Test
    void replicas_sharing_the_secret_accept_each_others_tokens() {
        SafetyPolicy shared = new SafetyPolicy(true, false, true, null, null, Duration.ofMinutes(5),
                "replica-shared-secret", true);
        String token = new ConfirmationTokens(shared, clock).issue("server_delete", new Args("x", true), alice).token();

        assertThatCode(() -> new ConfirmationTokens(shared, clock).verify(token, "server_delete", new Args("x", true), alice))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> tokens.verify(token, "server_delete", new Args("x", true), alice))
                .isInstanceOf(ToolException.class);
    }
}
