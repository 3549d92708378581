package io.github.openstackops.mcp.state;

import io.github.openstackops.mcp.auth.CallRateLimiter;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.ConfirmationTokens;
import io.github.openstackops.mcp.catalog.SafetyPolicy;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.support.RedisProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two "replicas" (two ConfirmationTokens, two rate limiters, each with its own Redis connection) sharing one real
 * redis-server behave as one: a token is good once across both, a limit of N per minute holds across both. And what
 * happens when the store is gone: confirmations fail closed, rate limits fail open.
 */
class SharedStateTest {

    private static final SafetyPolicy POLICY = new SafetyPolicy(true, false, true, null, null, Duration.ofMinutes(5),
            "a-secret-both-replicas-share", true);
    private static final Caller ALICE = new Caller("alice@example.com", Caller.AuthMethod.JWT, true);
    private static final Map<String, Object> ARGS = Map.of("server", "web-1");

    @Test
    void a_confirmation_token_is_good_once_across_replicas_sharing_redis() throws Exception {
        try (RedisProcess redis = RedisProcess.start(); RedisState a = new RedisState(redis.url());
             RedisState b = new RedisState(redis.url())) {
            ConfirmationTokens replicaA = new ConfirmationTokens(POLICY, a);
            ConfirmationTokens replicaB = new ConfirmationTokens(POLICY, b);
            String token = replicaA.issue("server_delete", ARGS, ALICE).token();

            assertThatCode(() -> replicaB.verify(token, "server_delete", ARGS, ALICE)).doesNotThrowAnyException();
            assertThatThrownBy(() -> replicaA.verify(token, "server_delete", ARGS, ALICE))
                    .isInstanceOf(ToolException.class).hasMessageContaining("already been used");
            assertThatThrownBy(() -> replicaB.verify(token, "server_delete", ARGS, ALICE))
                    .isInstanceOf(ToolException.class).hasMessageContaining("already been used");
        }
    }

    @Test
    void without_a_shared_store_each_replica_remembers_only_its_own_use() {
        ConfirmationTokens replicaA = new ConfirmationTokens(POLICY, new LocalState());
        ConfirmationTokens replicaB = new ConfirmationTokens(POLICY, new LocalState());
        String token = replicaA.issue("server_delete", ARGS, ALICE).token();

        replicaA.verify(token, "server_delete", ARGS, ALICE);
        assertThatThrownBy(() -> replicaA.verify(token, "server_delete", ARGS, ALICE)).isInstanceOf(ToolException.class);
        assertThatCode(() -> replicaB.verify(token, "server_delete", ARGS, ALICE))
                .as("the reason MCP_STATE_STORE exists").doesNotThrowAnyException();
    }

    @Test
    void a_rate_limit_of_n_per_minute_holds_across_replicas_sharing_redis() throws Exception {
        try (RedisProcess redis = RedisProcess.start(); RedisState a = new RedisState(redis.url());
             RedisState b = new RedisState(redis.url())) {
            CallRateLimiter replicaA = new CallRateLimiter(4, a);
            CallRateLimiter replicaB = new CallRateLimiter(4, b);
            int admitted = 0;
            for (int i = 0; i < 10; i++) {
                CallRateLimiter replica = i % 2 == 0 ? replicaA : replicaB;
                if (replica.admit(ALICE, "tool calls").isEmpty()) {
                    admitted++;
                }
            }
            assertThat(admitted).as("4 per minute in all, alternating between replicas").isEqualTo(4);
            assertThat(replicaB.admit(ALICE, "tool calls")).hasValueSatisfying(r -> {
                assertThat(r.message()).contains("4 per minute").contains("Try again in");
                assertThat(r.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(15));
            });
            Caller bob = new Caller("bob", Caller.AuthMethod.JWT, false);
            assertThat(replicaA.admit(bob, "tool calls")).as("another caller has their own budget").isEmpty();
        }
    }

    @Test
    void when_the_store_is_gone_confirmations_fail_closed_and_rate_limits_fail_open() throws Exception {
        RedisProcess redis = RedisProcess.start();
        try (RedisState state = new RedisState(redis.url())) {
            ConfirmationTokens tokens = new ConfirmationTokens(POLICY, state);
            CallRateLimiter limiter = new CallRateLimiter(1, state);
            assertThat(limiter.admit(ALICE, "tool calls")).isEmpty();
            String token = tokens.issue("server_delete", ARGS, ALICE).token();
            redis.close();

            assertThatThrownBy(() -> tokens.verify(token, "server_delete", ARGS, ALICE))
                    .isInstanceOf(ToolException.class)
                    .hasMessageContaining("shared state store did not answer").hasMessageContaining("Nothing was done")
                    .hasMessageNotContaining("127.0.0.1");
            assertThat(limiter.admit(ALICE, "tool calls")).as("over the limit, but the store is gone").isEmpty();
        } finally {
            redis.close();
        }
    }

    @Test
    void a_local_bucket_refills_evenly_over_a_minute() {
        AtomicLong now = new AtomicLong();
        LocalState state = new LocalState(now::get);
        assertThat(state.take("k", 2)).isZero();
        assertThat(state.take("k", 2)).isZero();
        assertThat(state.take("k", 2)).isEqualTo(30_000);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(state.take("k", 2)).isZero();
        assertThat(state.claimOnce("once", Duration.ofMinutes(1))).isTrue();
        assertThat(state.claimOnce("once", Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void a_store_address_with_a_password_is_never_shown() throws Exception {
        try (RedisState state = new RedisState("redis://:hunter2-store-password@127.0.0.1:1/0")) {
            assertThat(state.where()).isEqualTo("redis://127.0.0.1:1/0");
            assertThatThrownBy(() -> state.claimOnce("x", Duration.ofSeconds(1)))
                    .isInstanceOf(SharedState.StateUnavailable.class)
                    .hasMessageNotContaining("hunter2");
        }
    }
}
