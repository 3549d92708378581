package io.github.openstackops.mcp.catalog;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoker's hooks for the team surfaces: admissions (rate limits) and the start of a call (per-call state). */
class ToolCallHooksTest {

    private final TestTools tools = new TestTools();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private ToolInvoker invoker(ToolCallAdmission admission) {
        SafetyPolicy policy = new SafetyPolicy(true, false, true, null, null, Duration.ofMinutes(5), null, true);
        ToolCallObserver observer = new ToolCallObserver() {
            @Override
            public void onStart(ToolDefinition<?, ?> tool, ToolContext context) {
                seen.add("start " + tool.name() + " on " + Thread.currentThread().getName());
            }

            @Override
            public void onCall(Event event) {
                seen.add(event.outcome() + " " + event.tool().name() + " on " + Thread.currentThread().getName());
            }
        };
        return new ToolInvoker(new ToolCatalog(List.of(tools), new ToolGate(policy)), new ConfirmationTokens(policy),
                List.of(), List.of(observer), List.of(admission), Duration.ofSeconds(30), 4);
    }

    @Test
    void a_refused_admission_stops_the_call_before_any_work_and_says_when_to_retry() {
        ToolInvoker invoker = invoker((tool, context) -> Optional.of(
                new ToolCallAdmission.Refusal("Too many calls; try again in 7 s.", Duration.ofSeconds(7))));

        ToolOutcome outcome = invoker.invoke("thing_update", Map.of("name", "a"), ToolContext.quiet(Caller.STDIO, Surface.REST));

        assertThat(outcome).isEqualTo(new ToolOutcome.Error(ToolOutcome.Failure.RATE_LIMITED,
                "Too many calls; try again in 7 s.", Duration.ofSeconds(7)));
        assertThat(tools.executions).hasValue(0);
        assertThat(seen).extracting(s -> s.replaceAll(" on .*", ""))
                .containsExactly("start thing_update", "RATE_LIMITED thing_update");
    }

    @Test
    void admissions_are_asked_before_the_gate_so_refused_calls_count_too_and_observers_run_on_the_calls_own_thread()
            throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        ToolInvoker invoker = invoker((tool, context) -> {
            asked.add(tool.name());
            return Optional.empty();
        });
        Caller reader = new Caller("reader", Caller.AuthMethod.JWT, false);

        invoker.invoke("thing_update", Map.of("name", "a"), ToolContext.quiet(reader, Surface.OPENAPI));
        ToolOutcome ok = invoker.submit("thing_get", Map.of("name", "b"), ToolContext.quiet(reader, Surface.OPENAPI)).get();

        // a flood of calls the gate refuses must hit the rate limit like any other
        assertThat(asked).containsExactly("thing_update", "thing_get");
        assertThat(ok).isInstanceOf(ToolOutcome.Success.class);
        assertThat(seen.get(0)).startsWith("start thing_update");
        assertThat(seen.get(1)).startsWith("REFUSED_BY_GATE thing_update");
        String thread = seen.get(2).substring(seen.get(2).indexOf(" on ") + 4);
        assertThat(thread).startsWith("tool-");
        assertThat(seen.get(3)).isEqualTo("EXECUTED thing_get on " + thread);
        assertThat(new ToolOutcome.Error(ToolOutcome.Failure.TOOL_ERROR, "x").retryAfter()).isNull();
    }
}
