package io.github.openstackops.mcp.orchestration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Timeout;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.orchestration.StackChanges.StackAction;
import io.github.openstackops.mcp.orchestration.StackRecords.EventPage;
import io.github.openstackops.mcp.orchestration.StackRecords.OutputValue;
import io.github.openstackops.mcp.orchestration.StackRecords.ResourceDetail;
import io.github.openstackops.mcp.orchestration.StackRecords.ResourceList;
import io.github.openstackops.mcp.orchestration.StackRecords.StackActionResult;
import io.github.openstackops.mcp.orchestration.StackRecords.StackDeleted;
import io.github.openstackops.mcp.orchestration.StackRecords.StackDetail;
import io.github.openstackops.mcp.orchestration.StackRecords.StackPreview;
import io.github.openstackops.mcp.orchestration.StackRecords.TemplateDetail;
import io.github.openstackops.mcp.orchestration.StackRecords.TemplateValidation;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Orchestration (Heat) tools: stacks, their resources, events, templates and outputs; template validation and
 * previews; the stack lifecycle.
 */
@Singleton
public class StackTools implements ToolProvider {

    static final String STACK = "Stack id, or its exact name when that name is unique";
    static final String STATUS = "^((CREATE|DELETE|UPDATE|ROLLBACK|SUSPEND|RESUME|ADOPT|SNAPSHOT|CHECK|RESTORE)_)?"
            + "(IN_PROGRESS|FAILED|COMPLETE)$";
    static final String NAME = "^[a-zA-Z][a-zA-Z0-9_.-]*$";
    static final String TEMPLATE = "The template's text, HOT YAML (or JSON), at most 512 KiB. get_file is not"
            + " supported (no files are sent along)";
    static final String TEMPLATE_URL = "Instead of 'template': an http:// or https:// URL of the template, which Heat"
            + " downloads itself (so it must be reachable from the Heat API)";
    static final String PARAMETERS = "Template parameter values by name, e.g. {\"flavor\": \"m1.small\", \"count\": 2}";
    static final String ENVIRONMENT = "Heat environment file text (YAML with parameter_defaults, resource_registry,"
            + " ...), at most 512 KiB";

    public record ListArgs(
            @Limit("Stacks per page") Integer limit,
            @Marker("Id of the last stack of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only the stack with exactly this name", maxLength = 255) String name,
            @Param(value = "Only stacks in this status: a full status such as CREATE_FAILED, or just IN_PROGRESS,"
                    + " FAILED or COMPLETE", pattern = STATUS, examples = {"CREATE_FAILED", "FAILED"}) String status,
            @Param(value = "Only stacks carrying all of these tags", maxItems = 20, maxLength = 80,
                    pattern = "^[^,]+$") List<String> tags) {
    }

    public record StackArgs(@IdOrName(STACK) String stack) {
    }

    public record ResourceListArgs(
            @IdOrName(STACK) String stack,
            @Param(value = "Only resources of this type", maxLength = 255, examples = "OS::Nova::Server") String type,
            @Param(value = "Only resources in this status: a full status such as CREATE_FAILED, or just"
                    + " IN_PROGRESS, FAILED or COMPLETE", pattern = STATUS) String status,
            @Param(value = "Also list resources of nested stacks down to this depth (0: the stack's own only)",
                    defaultValue = "0", min = 0, max = 5) Integer nestedDepth,
            @Limit("Most resources to return") Integer limit) {
    }

    public record ResourceGetArgs(
            @IdOrName(STACK) String stack,
            @Param(value = "The resource's logical name in the template (as stack_resource_list shows it)",
                    required = true, minLength = 1, maxLength = 255) String resource) {
    }

    public record EventListArgs(
            @IdOrName(STACK) String stack,
            @Param(value = "Only events of this resource (logical name); the stack's own name gives the stack-level"
                    + " events", maxLength = 255) String resource,
            @Param(value = "Only events with this status: a full status such as CREATE_FAILED, or just FAILED,"
                    + " IN_PROGRESS or COMPLETE", pattern = STATUS) String status,
            @Limit("Events per page") Integer limit,
            @Marker("Id of the last event of the previous page (its 'next_marker')") String marker) {
    }

    public record TemplateGetArgs(
            @IdOrName(STACK) String stack,
            @Param(value = "Longest template text to return, in characters", defaultValue = "20000", min = 1000,
                    max = 524288) Integer maxChars) {
    }

    public record OutputGetArgs(
            @IdOrName(STACK) String stack,
            @Param(value = "Output name", required = true, minLength = 1, maxLength = 255) String output) {
    }

    public record ValidateArgs(
            @Param(TEMPLATE) String template,
            @Param(value = TEMPLATE_URL, maxLength = 2048) String templateUrl,
            @Param(PARAMETERS) Map<String, Object> parameters,
            @Param(ENVIRONMENT) String environment) {
    }

    public record PreviewArgs(
            @Param(value = "Stack name to preview with (it can appear in generated resource names)",
                    defaultValue = "\"preview\"", maxLength = 255, pattern = NAME) String name,
            @Param(TEMPLATE) String template,
            @Param(value = TEMPLATE_URL, maxLength = 2048) String templateUrl,
            @Param(PARAMETERS) Map<String, Object> parameters,
            @Param(ENVIRONMENT) String environment) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new stack: a letter, then letters, digits, '_', '.', '-'", required = true,
                    minLength = 1, maxLength = 255, pattern = NAME) String name,
            @Param(TEMPLATE) String template,
            @Param(value = TEMPLATE_URL, maxLength = 2048) String templateUrl,
            @Param(PARAMETERS) Map<String, Object> parameters,
            @Param(ENVIRONMENT) String environment,
            @Param(value = "Tags for the stack", maxItems = 20, maxLength = 80, pattern = "^[^,]+$") List<String> tags,
            @Param(value = "Heat's own timeout for the create, in minutes (the stack fails when it runs longer)",
                    min = 1, max = 1440) Integer timeoutMinutes,
            @Param(value = "Roll back (delete what was created) when the create fails; by default a failed stack is"
                    + " kept for inspection", defaultValue = "false") Boolean rollbackOnFailure,
            @JsonProperty("wait") @Wait("Wait until the stack is CREATE_COMPLETE or CREATE_FAILED, reporting"
                    + " progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    public record UpdateArgs(
            @IdOrName(STACK) String stack,
            @Param(TEMPLATE + ". Omit both template and template_url to keep the current template and change only"
                    + " parameters or environment") String template,
            @Param(value = TEMPLATE_URL, maxLength = 2048) String templateUrl,
            @Param("Parameter values to set. With a new template, parameters not given return to their template"
                    + " defaults; without one, the given values are merged into the current ones") Map<String, Object> parameters,
            @Param(ENVIRONMENT) String environment,
            @JsonProperty("wait") @Wait("Wait until the update settles, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    public record ActionArgs(
            @IdOrName(STACK) String stack,
            @JsonProperty("wait") @Wait("Wait until the stack settles, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    public record CancelArgs(
            @IdOrName(STACK) String stack,
            @Param(value = "true: roll the stack back to its state before the update; false: just stop, leaving the"
                    + " stack UPDATE_FAILED (also works on a CREATE_IN_PROGRESS stack)", defaultValue = "true") Boolean rollback,
            @JsonProperty("wait") @Wait("Wait until the stack settles, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    public record DeleteArgs(
            @IdOrName(STACK) String stack,
            @JsonProperty("wait") @Wait("Wait until the stack is gone, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    private final StackReads stacks;
    private final StackChanges changes;

    public StackTools(StackReads stacks, StackChanges changes) {
        this.changes = changes;
        this.stacks = stacks;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("stack_list", Toolset.ORCHESTRATION, ListArgs.class, StackRecords.STACKS)
                        .title("Stacks: List")
                        .description("List the project's Heat stacks (nested stacks left out), newest first, one"
                                + " page at a time, optionally only those with an exact name, a status (e.g."
                                + " CREATE_FAILED, or FAILED for any failure) or tags. Filtering happens in Heat;"
                                + " an admin may also see other projects' stacks (see project_id). Pass"
                                + " 'next_marker' as 'marker' for the next page.")
                        .handler((ctx, a) -> stacks.list(a.limit(), a.marker(), a.name(), a.status(), a.tags()))
                        .build(),
                ToolDefinition.read("stack_get", Toolset.ORCHESTRATION, StackArgs.class, StackDetail.class)
                        .title("Stacks: Get")
                        .description("One stack in detail: status and the reason for it (the error when it"
                                + " failed), parameters, outputs with their values, timeout, rollback setting,"
                                + " tags and parent.")
                        .handler((ctx, a) -> stacks.get(a.stack()))
                        .build(),
                ToolDefinition.read("stack_resource_list", Toolset.ORCHESTRATION, ResourceListArgs.class, ResourceList.class)
                        .title("Stack Resources: List")
                        .description("The resources of a stack: logical name, type, status (with the error of"
                                + " failed ones) and the id of the real cloud resource, optionally only of a type"
                                + " or status, and including nested stacks. Heat does not page this list: it is cut"
                                + " at 'limit' (see 'truncated'); narrow it with the filters.")
                        .handler((ctx, a) -> stacks.resources(a.stack(), a.type(), a.status(), a.nestedDepth(), a.limit()))
                        .build(),
                ToolDefinition.read("stack_resource_get", Toolset.ORCHESTRATION, ResourceGetArgs.class, ResourceDetail.class)
                        .title("Stack Resources: Get")
                        .description("One resource of a stack in detail: status and reason, the real cloud"
                                + " resource's id, dependencies and the attribute values Heat reports for it.")
                        .handler((ctx, a) -> stacks.resource(a.stack(), a.resource()))
                        .build(),
                ToolDefinition.read("stack_event_list", Toolset.ORCHESTRATION, EventListArgs.class, EventPage.class)
                        .title("Stack Events: List")
                        .description("A stack's events, newest first, one page at a time: every status change of"
                                + " the stack and its resources with its reason. Filter by resource or status (e.g."
                                + " FAILED to see why a stack failed). Pass 'next_marker' as 'marker' for older"
                                + " events.")
                        .handler((ctx, a) -> stacks.events(a.stack(), a.resource(), a.status(), a.limit(), a.marker()))
                        .build(),
                ToolDefinition.read("stack_template_get", Toolset.ORCHESTRATION, TemplateGetArgs.class, TemplateDetail.class)
                        .title("Stack Templates: Get")
                        .description("The template a stack currently runs, as YAML, with its version, description"
                                + " and the names of its parameters, resources (with types) and outputs.")
                        .handler((ctx, a) -> stacks.template(a.stack(), a.maxChars()))
                        .build(),
                ToolDefinition.read("stack_output_get", Toolset.ORCHESTRATION, OutputGetArgs.class, OutputValue.class)
                        .title("Stack Outputs: Get")
                        .description("The value of one output of a stack (e.g. a server's address), or why Heat"
                                + " could not resolve it. Unknown names are answered with the stack's output names.")
                        .handler((ctx, a) -> stacks.output(a.stack(), a.output()))
                        .build(),
                ToolDefinition.read("template_validate", Toolset.ORCHESTRATION, ValidateArgs.class, TemplateValidation.class)
                        .title("Templates: Validate")
                        .description("Ask Heat whether it accepts a template (inline text or an http(s) URL),"
                                + " optionally with parameter values and an environment. Returns valid=false with"
                                + " Heat's reason (e.g. an unknown resource type, a YAML error with its line) or the"
                                + " template's parameters. Creates nothing.")
                        .handler((ctx, a) -> stacks.validate(new TemplateInput(a.template(), a.templateUrl(),
                                a.environment(), a.parameters())))
                        .build(),
                ToolDefinition.read("stack_preview", Toolset.ORCHESTRATION, PreviewArgs.class, StackPreview.class)
                        .title("Stacks: Preview")
                        .description("Show what Heat would create for a template and parameters: the resources"
                                + " with their types and dependencies, the resolved parameters and the outputs."
                                + " Creates nothing; use it before stack_create.")
                        .handler((ctx, a) -> stacks.preview(a.name(), new TemplateInput(a.template(),
                                a.templateUrl(), a.environment(), a.parameters())))
                        .build(),
                ToolDefinition.write("stack_create", Toolset.ORCHESTRATION, CreateArgs.class, StackActionResult.class)
                        .title("Stacks: Create")
                        .description("Create a Heat stack from a template (inline text or an http(s) URL) with"
                                + " parameters and an optional environment, and wait until it is CREATE_COMPLETE,"
                                + " reporting progress; returns its outputs. When it fails, the error names the"
                                + " failing resources and Heat's reasons; the failed stack is kept unless"
                                + " rollback_on_failure is set.")
                        .cancellation(StackWaits.CANCELLATION)
                        .handler((ctx, a) -> changes.create(a.name(), new TemplateInput(a.template(), a.templateUrl(),
                                a.environment(), a.parameters()), a.tags(), a.timeoutMinutes(), a.rollbackOnFailure(),
                                a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.destructive("stack_update", Toolset.ORCHESTRATION, UpdateArgs.class, StackActionResult.class)
                        .title("Stacks: Update")
                        .description("Update a stack with a new template and/or parameters. An update can replace"
                                + " (delete and create anew) or delete resources such as servers and volumes, so the"
                                + " preview lists what Heat would add, update in place, replace or delete, with each"
                                + " resource's cloud id; check 'replaced' and 'deleted' there before confirming."
                                + " Confirmed, it applies the update, waits until UPDATE_COMPLETE and returns the"
                                + " changes as 'changes'.")
                        .preview((ctx, a) -> changes.updatePreview(a.stack(), new TemplateInput(a.template(),
                                a.templateUrl(), a.environment(), a.parameters())))
                        .cancellation(StackWaits.CANCELLATION)
                        .handler((ctx, a) -> changes.update(a.stack(), new TemplateInput(a.template(), a.templateUrl(),
                                a.environment(), a.parameters()), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                action("stack_suspend", "Stacks: Suspend", StackAction.SUSPEND,
                        "Suspend a stack: Heat suspends each resource that supports it (servers are suspended)"
                                + " and waits until the stack is SUSPEND_COMPLETE. Resume it with stack_resume."),
                action("stack_resume", "Stacks: Resume", StackAction.RESUME,
                        "Resume a suspended stack and wait until it is RESUME_COMPLETE."),
                action("stack_check", "Stacks: Check", StackAction.CHECK,
                        "Have Heat check that every resource of a stack still exists and is healthy in the cloud,"
                                + " and wait for the verdict: CHECK_COMPLETE, or CHECK_FAILED naming the resources"
                                + " that are not."),
                ToolDefinition.write("stack_update_cancel", Toolset.ORCHESTRATION, CancelArgs.class, StackActionResult.class)
                        .title("Stacks: Cancel Update")
                        .description("Cancel the update a stack is running (UPDATE_IN_PROGRESS) and wait until"
                                + " Heat has rolled it back to its previous state (ROLLBACK_COMPLETE); with"
                                + " rollback=false just stop it where it is.")
                        .handler((ctx, a) -> changes.cancelUpdate(a.stack(), a.rollback(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.destructive("stack_delete", Toolset.ORCHESTRATION, DeleteArgs.class, StackDeleted.class)
                        .title("Stacks: Delete")
                        .description("Delete a stack and every resource it created. The preview lists each"
                                + " resource that goes with it (type, name, cloud id), including those of nested"
                                + " stacks, and those kept by a Retain deletion policy. Nested stacks are refused:"
                                + " delete their parent.")
                        .preview((ctx, a) -> changes.deletePreview(a.stack()))
                        .handler((ctx, a) -> changes.delete(a.stack(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build());
    }

    private ToolDefinition<ActionArgs, StackActionResult> action(String name, String title, StackAction action,
                                                                 String description) {
        return ToolDefinition.write(name, Toolset.ORCHESTRATION, ActionArgs.class, StackActionResult.class)
                .title(title)
                .description(description)
                .handler((ctx, a) -> changes.action(a.stack(), action, a.waitUntilDone(),
                        Duration.ofSeconds(a.timeoutSeconds()), ctx))
                .build();
    }
}
