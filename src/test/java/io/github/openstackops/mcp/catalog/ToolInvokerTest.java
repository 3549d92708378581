package io.github.openstackops.mcp.catalog;

import io.github.openstackops.mcp.cloud.OpenStackFaults;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.exceptions.ClientResponseException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ToolInvokerTest {

    private final TestTools tools = new TestTools();
    private final List<ToolCallObserver.Event> events = new CopyOnWriteArrayList<>();

    private ToolInvoker invoker(boolean allowModify, boolean requireConfirmation) {
        SafetyPolicy policy = new SafetyPolicy(allowModify, false, requireConfirmation, null, null,
                Duration.ofMinutes(5), null, true);
        ToolCatalog catalog = new ToolCatalog(List.of(tools), new ToolGate(policy));
        return new ToolInvoker(catalog, new ConfirmationTokens(policy), List.of(new OpenStackFaults()),
                List.of(events::add), Duration.ofSeconds(30), 4);
    }

    private static ToolContext as(Caller caller) {
        return ToolContext.quiet(caller, Surface.REST);
    }

    @Test
    void a_read_tool_returns_its_result_as_a_json_object() {
        ToolOutcome outcome = invoker(false, true).invoke("thing_get", Map.of("name", "a"), as(Caller.STDIO));

        assertThat(outcome).isEqualTo(new ToolOutcome.Success(Map.of("message", "read a")));
    }

    @Test
    void with_modifications_off_write_and_destructive_tools_are_refused_by_name_and_never_run() {
        ToolInvoker invoker = invoker(false, true);

        for (String name : List.of("thing_update", "thing_delete")) {
            ToolOutcome outcome = invoker.invoke(name, Map.of("name", "a"), as(Caller.STDIO));
            assertThat(outcome).isInstanceOf(ToolOutcome.Error.class);
            ToolOutcome.Error error = (ToolOutcome.Error) outcome;
            assertThat(error.failure()).isEqualTo(ToolOutcome.Failure.NOT_PERMITTED);
            assertThat(error.message()).contains("ALLOW_MODIFY_OPERATIONS=false");
        }
        assertThat(tools.executions).hasValue(0);
        assertThat(events).extracting(ToolCallObserver.Event::outcome)
                .containsOnly(ToolCallObserver.Outcome.REFUSED_BY_GATE);
    }

    @Test
    void a_caller_without_write_access_cannot_modify_even_when_the_server_allows_it() {
        Caller reader = new Caller("reader", Caller.AuthMethod.JWT, false);

        ToolOutcome outcome = invoker(true, true).invoke("thing_update", Map.of("name", "a"), as(reader));

        assertThat(((ToolOutcome.Error) outcome).message()).contains("write scope");
        assertThat(tools.executions).hasValue(0);
    }

    @Test
    void sensitive_tools_are_refused_unless_allowed() {
        ToolOutcome outcome = invoker(true, true).invoke("secret_get", Map.of("name", "a"), as(Caller.STDIO));

        assertThat(((ToolOutcome.Error) outcome).message()).contains("ALLOW_SENSITIVE_DATA=false");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_destructive_tool_first_previews_then_executes_with_the_token() {
        ToolInvoker invoker = invoker(true, true);

        ToolOutcome.Success preview = (ToolOutcome.Success) invoker.invoke("thing_delete", Map.of("name", "a"), as(Caller.STDIO));
        assertThat(preview.structured()).containsEntry("status", "preview").containsKeys("confirm", "expires_at");
        assertThat((Map<String, Object>) preview.structured().get("preview")).containsEntry("summary", "Delete thing a.");
        assertThat(tools.executions).hasValue(0);

        String token = (String) preview.structured().get("confirm");
        ToolOutcome.Error wrong = (ToolOutcome.Error) invoker.invoke("thing_delete",
                Map.of("name", "b", "confirm", token), as(Caller.STDIO));
        assertThat(wrong.message()).contains("other arguments");
        assertThat(tools.executions).hasValue(0);

        ToolOutcome.Success done = (ToolOutcome.Success) invoker.invoke("thing_delete",
                Map.of("name", "a", "confirm", token), as(Caller.STDIO));
        assertThat(done.structured()).containsEntry("status", "executed")
                .containsEntry("result", Map.of("message", "deleted a"));
        assertThat(tools.executions).hasValue(1);
        assertThat(events).extracting(ToolCallObserver.Event::outcome).containsExactly(
                ToolCallObserver.Outcome.PREVIEWED, ToolCallObserver.Outcome.FAILED, ToolCallObserver.Outcome.EXECUTED);
    }

    @Test
    void a_confirmation_token_never_reaches_an_observer_whichever_way_the_call_ends() {
        ToolInvoker invoker = invoker(true, true);
        String token = (String) ((ToolOutcome.Success) invoker.invoke("thing_delete", Map.of("name", "a"),
                as(Caller.STDIO))).structured().get("confirm");
        Caller reader = new Caller("reader", Caller.AuthMethod.JWT, false);
        ToolCallAdmission limiter = (tool, context) -> java.util.Optional.of(
                new ToolCallAdmission.Refusal("slow down", Duration.ofSeconds(7)));
        SafetyPolicy policy = new SafetyPolicy(true, false, true, null, null, Duration.ofMinutes(5), null, true);
        ToolInvoker limited = new ToolInvoker(new ToolCatalog(List.of(tools), new ToolGate(policy)),
                new ConfirmationTokens(policy), List.of(), List.of(events::add), List.of(limiter),
                Duration.ofSeconds(30), 4);

        invoker.invoke("thing_delete", Map.of("name", "a", "confirm", token), as(reader));          // refused by gate
        limited.invoke("thing_delete", Map.of("name", "a", "confirm", token), as(Caller.STDIO));    // rate limited
        invoker.invoke("thing_delete", Map.of("nam", "a", "confirm", token), as(Caller.STDIO));     // invalid
        invoker.invoke("thing_update", Map.of("name", "a", "confirm", token), as(Caller.STDIO));    // not destructive
        invoker.invoke("thing_delete", Map.of("name", "b", "confirm", token), as(Caller.STDIO));    // wrong arguments
        invoker.invoke("thing_delete", Map.of("name", "a", "confirm", token), as(Caller.STDIO));    // executed

        assertThat(events).extracting(ToolCallObserver.Event::outcome).containsExactly(
                ToolCallObserver.Outcome.PREVIEWED, ToolCallObserver.Outcome.REFUSED_BY_GATE,
                ToolCallObserver.Outcome.RATE_LIMITED, ToolCallObserver.Outcome.INVALID,
                ToolCallObserver.Outcome.INVALID, ToolCallObserver.Outcome.FAILED, ToolCallObserver.Outcome.EXECUTED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.arguments()).doesNotContainKey("confirm");
            assertThat(String.valueOf(e.arguments()) + e.detail()).doesNotContain(token);
        });
        assertThat(tools.executions).hasValue(1);
    }

    @Test
    void a_confirmation_token_given_to_a_tool_that_takes_none_is_an_invalid_argument() {
        ToolOutcome.Error error = (ToolOutcome.Error) invoker(true, true)
                .invoke("thing_update", Map.of("name", "a", "confirm", "x"), as(Caller.STDIO));

        assertThat(error.failure()).isEqualTo(ToolOutcome.Failure.INVALID_ARGUMENTS);
        assertThat(error.message()).contains("unknown argument 'confirm'");
        assertThat(tools.executions).hasValue(0);
    }

    @Test
    void a_user_asked_through_elicitation_decides_instead_of_a_token() {
        ToolInvoker invoker = invoker(true, true);
        ToolContext declining = new ToolContext() {
            public Caller caller() { return Caller.STDIO; }
            public Surface surface() { return Surface.STDIO; }
            public void progress(double done, Double total, String message) { }
            public void info(String message) { }
            public java.util.Optional<Boolean> askToConfirm(String question) { return java.util.Optional.of(false); }
        };

        ToolOutcome.Success outcome = (ToolOutcome.Success) invoker.invoke("thing_delete", Map.of("name", "a"), declining);

        assertThat(outcome.structured()).containsEntry("status", "cancelled").doesNotContainKey("confirm");
        assertThat(tools.executions).hasValue(0);
    }

    @Test
    void without_required_confirmation_a_destructive_tool_executes_at_once() {
        ToolOutcome.Success outcome = (ToolOutcome.Success) invoker(true, false)
                .invoke("thing_delete", Map.of("name", "a"), as(Caller.STDIO));

        assertThat(outcome.structured()).containsEntry("status", "executed");
        assertThat(tools.executions).hasValue(1);
    }

    @Test
    void unknown_tools_and_invalid_arguments_are_errors_that_say_what_to_fix() {
        ToolInvoker invoker = invoker(true, true);

        assertThat(invoker.invoke("thing_nope", Map.of(), as(Caller.STDIO)))
                .isEqualTo(new ToolOutcome.Error(ToolOutcome.Failure.UNKNOWN_TOOL,
                        "Unknown tool 'thing_nope'. List the tools to see what this server offers."));
        ToolOutcome.Error invalid = (ToolOutcome.Error) invoker.invoke("thing_get", Map.of("nam", "a"), as(Caller.STDIO));
        assertThat(invalid.failure()).isEqualTo(ToolOutcome.Failure.INVALID_ARGUMENTS);
        assertThat(invalid.message()).contains("unknown argument 'nam'").contains("missing required argument 'name'");
    }

    @Test
    void an_openstack_fault_becomes_a_sentence_and_a_bug_an_opaque_reference_never_a_stack_trace() {
        ToolInvoker invoker = invoker(true, true);
        tools.failure = new ClientResponseException("Quota exceeded for instances", 403);
        ToolOutcome.Error fault = (ToolOutcome.Error) invoker.invoke("thing_get", Map.of("name", "a"), as(Caller.STDIO));
        assertThat(fault.failure()).isEqualTo(ToolOutcome.Failure.TOOL_ERROR);
        assertThat(fault.message()).contains("HTTP 403").contains("Quota exceeded for instances");

        tools.failure = new IllegalStateException("boom at com.example.Internal password=hunter22");
        ToolOutcome.Error bug = (ToolOutcome.Error) invoker.invoke("thing_get", Map.of("name", "a"), as(Caller.STDIO));
        assertThat(bug.failure()).isEqualTo(ToolOutcome.Failure.INTERNAL);
        assertThat(bug.message()).contains("internal error (reference ").doesNotContain("boom", "hunter22", "at com.");
    }

    @Test
    void secrets_never_leave_in_an_error_message() {
        Secrets.register("s3cr3t-pa55word");
        tools.failure = new ToolException(ToolException.Kind.CLOUD_ERROR, "Keystone said s3cr3t-pa55word is wrong");

        ToolOutcome.Error error = (ToolOutcome.Error) invoker(true, true)
                .invoke("thing_get", Map.of("name", "a"), as(Caller.STDIO));

        assertThat(error.message()).doesNotContain("s3cr3t-pa55word").contains("***");
    }

    @Test
    void submitted_calls_run_off_the_caller_thread_and_time_out_with_a_clear_message() throws Exception {
        SafetyPolicy policy = SafetyPolicy.defaults();
        ToolProvider slow = () -> List.of(ToolDefinition.read("slow_get", Toolset.COMPUTE, TestTools.NameArgs.class,
                TestTools.Done.class).title("Slow: Get").description("Sleeps.").handler((ctx, a) -> {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new TestTools.Done(Thread.currentThread().isVirtual() ? "virtual" : "platform");
                }).build());
        ToolInvoker invoker = new ToolInvoker(new ToolCatalog(List.of(slow), new ToolGate(policy)),
                new ConfirmationTokens(policy), List.of(), List.of(), Duration.ofMillis(200), 4);

        ToolOutcome outcome = invoker.submit("slow_get", Map.of("name", "a"), as(Caller.STDIO)).get();

        assertThat(outcome).isInstanceOf(ToolOutcome.Error.class);
        assertThat(((ToolOutcome.Error) outcome).failure()).isEqualTo(ToolOutcome.Failure.TIMEOUT);
        assertThat(((ToolOutcome.Error) outcome).message()).contains("may still be running");
    }
}
