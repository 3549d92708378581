package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** The compact shapes Keystone resources are returned in. Never raw API objects, never a token or a password. */
public final class IdentityRecords {

    private IdentityRecords() {
    }

    @Doc("The identity this server works as: from its cached Keystone token (the token itself is never shown)")
    public record TokenInfo(
            @Doc("The authenticated user") Ref user,
            @Nullable @Doc("The user's domain") Ref userDomain,
            @Nullable @Doc("The project the token is scoped to") Ref project,
            @Nullable @Doc("The project's domain") Ref projectDomain,
            @Nullable @Doc("The domain the token is scoped to (domain-scoped tokens only)") Ref domain,
            @Doc("Role names on that scope") List<String> roles,
            @Doc("True when the roles include 'admin': with Keystone's default policy that makes this server a cloud"
                    + " administrator") boolean admin,
            @Doc("Authentication methods, e.g. password, application_credential") List<String> methods,
            @Nullable @Doc("When the token was issued, ISO-8601") String issuedAt,
            @Nullable @Doc("When the token expires, ISO-8601 (this server renews it before then)") String expiresAt,
            @Nullable @Doc("Seconds until the token expires") Long expiresInSeconds,
            @Doc("Number of services in the token's catalog (see catalog_list)") int catalogServices,
            @Doc("Keystone URL this server authenticates at") String authUrl,
            @Nullable @Doc("Region this server uses (absent: the first endpoint of each service)") String region,
            @JsonProperty("interface") @Doc("Endpoint interface this server uses: public, internal or admin") String iface) {
    }

    @Doc("A project")
    public record Project(
            @Doc("Project id") String id,
            @Doc("Project name") String name,
            @Nullable @Doc("Domain id") String domainId,
            @Nullable @Doc("Description") String description,
            @Doc("Whether the project is enabled (users cannot get tokens for a disabled project)") boolean enabled,
            @Nullable @Doc("Parent project id (the domain id for top-level projects)") String parentId,
            @Doc("Tags") List<String> tags) {
    }

    @Doc("Projects, filtered by Keystone")
    public record ProjectPage(
            @Doc("Projects, sorted by name") List<Project> projects,
            @Doc("Number of projects returned") int count,
            @Doc("True when more projects matched than were returned: narrow the filters or raise 'limit'") boolean truncated) {
    }

    @Doc("A project in detail")
    public record ProjectDetail(
            @Doc("Project id") String id,
            @Doc("Project name") String name,
            @Nullable @Doc("Description") String description,
            @Nullable @Doc("Domain") Ref domain,
            @Doc("Whether the project is enabled") boolean enabled,
            @Nullable @Doc("Parent project; absent for a top-level project") Ref parent,
            @Doc("Whether this project acts as a domain") boolean isDomain,
            @Doc("Tags") List<String> tags) {
    }

    @Doc("A user (never its password)")
    public record User(
            @Doc("User id") String id,
            @Doc("User name") String name,
            @Nullable @Doc("Domain id") String domainId,
            @Doc("Whether the user is enabled (a disabled user cannot authenticate)") boolean enabled,
            @Nullable @Doc("E-mail address") String email,
            @Nullable @Doc("Description") String description,
            @Nullable @Doc("Default project id") String defaultProjectId,
            @Nullable @Doc("When the password expires, ISO-8601; absent when it does not") String passwordExpiresAt) {
    }

    @Doc("Users, filtered by Keystone")
    public record UserPage(
            @Doc("Users, sorted by name") List<User> users,
            @Doc("Number of users returned") int count,
            @Doc("True when more users matched than were returned: narrow the filters or raise 'limit'") boolean truncated) {
    }

    @Doc("A user in detail, with its groups and the projects it has roles on")
    public record UserDetail(
            @Doc("User id") String id,
            @Doc("User name") String name,
            @Nullable @Doc("Domain") Ref domain,
            @Doc("Whether the user is enabled") boolean enabled,
            @Nullable @Doc("E-mail address") String email,
            @Nullable @Doc("Description") String description,
            @Nullable @Doc("Default project") Ref defaultProject,
            @Nullable @Doc("When the password expires, ISO-8601") String passwordExpiresAt,
            @Doc("Groups the user is a member of") List<Ref> groups,
            @Doc("Projects the user has a role on (directly or through a group)") List<Ref> projects) {
    }

    @Doc("A role")
    public record Role(
            @Doc("Role id") String id,
            @Doc("Role name") String name,
            @Nullable @Doc("Domain id, for a domain-specific role; absent for global roles") String domainId,
            @Nullable @Doc("Description") String description) {
    }

    @Doc("Roles")
    public record RolePage(
            @Doc("Roles, sorted by name") List<Role> roles,
            @Doc("Number of roles returned") int count,
            @Doc("True when more roles matched than were returned") boolean truncated) {
    }

    @Doc("A named actor or target of a role assignment, with its domain")
    public record Named(@Doc("Id") String id, @Nullable @Doc("Name") String name,
                        @Nullable @Doc("Domain name (domain id when the name is unknown)") String domain) {
    }

    @Doc("One role assignment: a role given to a user or group on a project, a domain or the system")
    public record Assignment(
            @Doc("The role") Ref role,
            @Nullable @Doc("The user holding it") Named user,
            @Nullable @Doc("The group holding it") Named group,
            @Nullable @Doc("The project it applies to") Named project,
            @Nullable @Doc("The domain it applies to") Ref domain,
            @Nullable @Doc("'all' for a system-scoped assignment") String system,
            @Doc("True when it is inherited by the projects below the target") boolean inherited,
            @Nullable @Doc("For effective assignments: id of the group the user holds the role through")
            String viaGroupId) {
    }

    @Doc("Role assignments, with names resolved by Keystone")
    public record AssignmentPage(
            @Doc("Assignments") List<Assignment> assignments,
            @Doc("Number of assignments returned") int count,
            @Doc("True when more assignments matched than were returned: narrow the filters or raise 'limit'") boolean truncated) {
    }

    @Doc("A domain")
    public record Domain(
            @Doc("Domain id") String id,
            @Doc("Domain name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Whether the domain is enabled") boolean enabled) {
    }

    @Doc("Domains")
    public record DomainPage(
            @Doc("Domains, sorted by name") List<Domain> domains,
            @Doc("Number of domains returned") int count,
            @Doc("True when more domains matched than were returned") boolean truncated) {
    }

    @Doc("A group of users")
    public record Group(
            @Doc("Group id") String id,
            @Doc("Group name") String name,
            @Nullable @Doc("Domain id") String domainId,
            @Nullable @Doc("Description") String description) {
    }

    @Doc("Groups")
    public record GroupPage(
            @Doc("Groups, sorted by name") List<Group> groups,
            @Doc("Number of groups returned") int count,
            @Doc("True when more groups matched than were returned: narrow the filters or raise 'limit'") boolean truncated) {
    }

    @Doc("The members of a group")
    public record GroupMembers(
            @Doc("The group") Ref group,
            @Doc("Its users, sorted by name") List<User> users,
            @Doc("Number of users returned") int count,
            @Doc("True when the group has more members than were returned") boolean truncated) {
    }

    @Doc("An endpoint of a service")
    public record Endpoint(
            @Doc("Endpoint id") String id,
            @JsonProperty("interface") @Doc("public, internal or admin") String iface,
            @Nullable @Doc("Region") String region,
            @Doc("URL") String url) {
    }

    @Doc("A service of the catalog and its endpoints")
    public record CatalogService(
            @Doc("Service type, e.g. compute, network, volumev3, identity") String type,
            @Nullable @Doc("Service name, e.g. nova") String name,
            @Doc("Service id") String id,
            @Doc("Its endpoints (after the interface/region filters)") List<Endpoint> endpoints) {
    }

    @Doc("The service catalog this server's token sees")
    public record Catalog(
            @Doc("Services, sorted by type") List<CatalogService> services,
            @Doc("Number of services returned") int count,
            @Doc("Number of endpoints returned") int endpointCount) {
    }

    @Doc("The result of creating or updating a project")
    public record ProjectChange(
            @Doc("The project as Keystone now has it") Project project,
            @Doc("Whether anything changed") boolean changed,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of creating or updating a user (its password is never returned)")
    public record UserChange(
            @Doc("The user as Keystone now has it") User user,
            @Doc("Whether anything changed") boolean changed,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of granting or revoking a role")
    public record RoleChange(
            @Doc("The role") Ref role,
            @Doc("user or group") String actorType,
            @Doc("The user or group") Ref actor,
            @Doc("project or domain") String targetType,
            @Doc("The project or domain") Ref target,
            @Doc("Whether anything changed (false when the assignment already was as asked)") boolean changed,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of adding a user to a group or removing it")
    public record MembershipChange(
            @Doc("The group") Ref group,
            @Doc("The user") Ref user,
            @Doc("Whether the user is a member now") boolean member,
            @Doc("Whether anything changed (false when it already was as asked)") boolean changed,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of a deletion")
    public record Deleted(
            @Doc("Id of what was deleted") String id,
            @Doc("Its name") String name,
            @Doc("What happened, in a sentence") String message) {
    }
}
