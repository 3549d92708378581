package io.github.openstackops.mcp.orchestration;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** The compact shapes Heat stacks, resources, events and templates are returned in. Never raw API objects. */
public final class StackRecords {

    private StackRecords() {
    }

    @Doc("A stack, summarised")
    public record StackSummary(
            @Doc("Stack id") String id,
            @Doc("Stack name") String name,
            @Doc("Heat status: <ACTION>_<STATE>, e.g. CREATE_COMPLETE, UPDATE_IN_PROGRESS, CREATE_FAILED") String status,
            @Nullable @Doc("Why it is in that status, e.g. the failing resource's error") String statusReason,
            @Nullable @Doc("Creation time, ISO-8601") String created,
            @Nullable @Doc("Last update time, ISO-8601") String updated,
            @Nullable @Doc("Owning project id") String projectId,
            @Doc("Tags") List<String> tags,
            @Nullable @Doc("Id of the parent stack, for nested stacks") String parentId) {
    }

    public static final Page.Kind<StackSummary> STACKS = Page.Kind.of(StackSummary.class, "stacks", "stacks")
            .about("One page of stacks, newest first");

    @Doc("A stack output")
    public record Output(
            @Doc("Output name") String key,
            @Nullable @Doc("What the template says it is") String description,
            @Nullable @Doc("Its value (any JSON value); absent when it could not be resolved") Object value,
            @Nullable @Doc("Why the value could not be resolved") String error) {
    }

    @Doc("A stack in detail")
    public record StackDetail(
            @Doc("Stack id") String id,
            @Doc("Stack name") String name,
            @Doc("Heat status, e.g. CREATE_COMPLETE") String status,
            @Nullable @Doc("Why it is in that status") String statusReason,
            @Nullable @Doc("Template description") String description,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated,
            @Doc("Parameter values the stack runs with (hidden parameters show as ******; Heat's OS:: pseudo"
                    + " parameters are left out)") Map<String, Object> parameters,
            @Doc("Outputs with their values") List<Output> outputs,
            @Nullable @Doc("Stack timeout in minutes") Integer timeoutMinutes,
            @Nullable @Doc("True when Heat does not roll back a failed create or update") Boolean disableRollback,
            @Doc("Tags") List<String> tags,
            @Nullable @Doc("Id of the parent stack, for nested stacks") String parentId,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("User who owns the stack") String owner) {
    }

    @Doc("A resource of a stack")
    public record ResourceSummary(
            @Doc("Logical name in the template") String name,
            @Doc("Resource type, e.g. OS::Nova::Server") String type,
            @Doc("Heat status, e.g. CREATE_COMPLETE") String status,
            @Nullable @Doc("Why it is in that status (the error of a failed resource)") String statusReason,
            @Nullable @Doc("Id of the real cloud resource (server id, network id, ...); absent until created")
            String physicalId,
            @Nullable @Doc("Last change time") String updated,
            @Doc("Resources that depend on this one") List<String> requiredBy,
            @Nullable @Doc("Name of the nested stack it belongs to, when listed with nested_depth > 0 and not in the"
                    + " top-level stack") String nestedStack) {
    }

    @Doc("The resources of a stack")
    public record ResourceList(
            @Doc("Stack id") String stackId,
            @Doc("Stack name") String stackName,
            @Doc("Resources, at most 'limit' of them") List<ResourceSummary> resources,
            @Doc("Number of resources returned") int count,
            @Doc("True when Heat returned more resources than 'limit' (Heat does not page resources: narrow with"
                    + " the filters)") boolean truncated) {
    }

    @Doc("A resource of a stack in detail")
    public record ResourceDetail(
            @Doc("Stack id") String stackId,
            @Doc("Stack name") String stackName,
            @Doc("Logical name in the template") String name,
            @Doc("Resource type") String type,
            @Doc("Heat status") String status,
            @Nullable @Doc("Why it is in that status") String statusReason,
            @Nullable @Doc("Id of the real cloud resource") String physicalId,
            @Nullable @Doc("Description from the template") String description,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last change time") String updated,
            @Doc("Resources that depend on this one") List<String> requiredBy,
            @Doc("Attribute values Heat reports (small values only; links and the raw 'show' dump are left out)")
            Map<String, Object> attributes,
            @Doc("Names of attributes left out because their values are large") List<String> omittedAttributes) {
    }

    @Doc("A stack event")
    public record Event(
            @Doc("Event id (use as 'marker')") String id,
            @Nullable @Doc("When it happened, ISO-8601") String time,
            @Doc("Logical resource name; the stack's own name for stack-level events") String resource,
            @Nullable @Doc("Id of the real cloud resource") String physicalId,
            @Doc("Status the resource entered, e.g. CREATE_FAILED") String status,
            @Nullable @Doc("Why, e.g. the error message of a failure") String reason) {
    }

    @Doc("One page of stack events, newest first")
    public record EventPage(
            @Doc("Stack id") String stackId,
            @Doc("Stack name") String stackName,
            @Doc("Events on this page, newest first") List<Event> events,
            @Doc("Number of events on this page") int count,
            @Nullable @Doc("Pass as 'marker' to get the next (older) page; absent on the last page") String nextMarker) {
    }

    @Doc("A stack's template")
    public record TemplateDetail(
            @Doc("Stack id") String stackId,
            @Doc("Stack name") String stackName,
            @Nullable @Doc("heat_template_version (or AWSTemplateFormatVersion)") String version,
            @Nullable @Doc("Template description") String description,
            @Doc("Parameter names") List<String> parameters,
            @Doc("Resource names and their types") Map<String, String> resources,
            @Doc("Output names") List<String> outputs,
            @Doc("The template as YAML (cut at 'max_chars')") String template,
            @Doc("True when 'template' was cut") boolean truncated) {
    }

    @Doc("One output of a stack")
    public record OutputValue(
            @Doc("Stack id") String stackId,
            @Doc("Stack name") String stackName,
            @Doc("Output name") String key,
            @Nullable @Doc("What the template says it is") String description,
            @Nullable @Doc("Its value (any JSON value); absent when it could not be resolved") Object value,
            @Nullable @Doc("Why the value could not be resolved") String error) {
    }

    @Doc("A template parameter")
    public record TemplateParameter(
            @Doc("Parameter name") String name,
            @Nullable @Doc("Type: String, Number, Json, CommaDelimitedList, Boolean") String type,
            @Nullable @Doc("Description") String description,
            @Nullable @Doc("Default value (****** for hidden parameters)") Object defaultValue,
            @Doc("True for hidden (NoEcho) parameters") boolean hidden,
            @Nullable @Doc("Allowed values, when constrained") List<Object> allowedValues) {
    }

    @Doc("Whether Heat accepts a template")
    public record TemplateValidation(
            @Doc("True when Heat accepts the template (and parameters, if given)") boolean valid,
            @Nullable @Doc("Why Heat rejects it, when it does") String error,
            @Nullable @Doc("Template description") String description,
            @Doc("Parameters the template takes") List<TemplateParameter> parameters) {
    }

    @Doc("A resource Heat would create")
    public record PlannedResource(
            @Doc("Logical name; <parent>/<name> for resources of nested stacks (e.g. group/0)") String name,
            @Doc("Resource type") String type,
            @Doc("Resources that would depend on it") List<String> requiredBy) {
    }

    @Doc("What Heat would create for a template; nothing was created")
    public record StackPreview(
            @Doc("Stack name used for the preview") String name,
            @Nullable @Doc("Template description") String description,
            @Doc("Parameter values Heat would use (hidden ones as ******)") Map<String, Object> parameters,
            @Doc("Resources Heat would create") List<PlannedResource> resources,
            @Doc("Output names") List<String> outputs) {
    }

    @Doc("A change Heat makes to a resource during an update")
    public record ResourceChange(
            @Doc("Logical resource name") String resource,
            @Doc("Resource type") String type,
            @Doc("added, updated (in place), replaced (a new one is created and the old one deleted), deleted, or"
                    + " unchanged") String change,
            @Nullable @Doc("Id of the current cloud resource, when there is one") String physicalId) {
    }

    @Doc("A resource that failed")
    public record FailedResource(
            @Doc("Logical resource name") String resource,
            @Nullable @Doc("Resource type") String type,
            @Doc("Its status, e.g. CREATE_FAILED") String status,
            @Nullable @Doc("The error") String reason) {
    }

    @Doc("The result of a stack operation")
    public record StackActionResult(
            @Doc("Stack id") String id,
            @Doc("Stack name") String name,
            @Doc("The operation, e.g. create, update, suspend") String action,
            @Nullable @Doc("Status before the operation (absent for create)") String previousStatus,
            @Doc("Status when the call returned") String status,
            @Nullable @Doc("Heat's reason for that status") String statusReason,
            @Doc("True when the stack reached the operation's target status (false when still in progress, not"
                    + " waited for, or only previewed)") boolean reachedTarget,
            @Nullable @Doc("Resource changes of an update, as Heat previewed them") List<ResourceChange> changes,
            @Nullable @Doc("Stack outputs, after a successful create or update") List<Output> outputs,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of deleting a stack")
    public record StackDeleted(
            @Doc("Stack id") String id,
            @Doc("Stack name") String name,
            @Doc("True when the stack is gone; false when deletion was accepted and is still in progress") boolean gone,
            @Doc("What happened, in a sentence") String message) {
    }
}
