package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.github.openstackops.mcp.identity.IdentityRecords.Domain;
import io.github.openstackops.mcp.identity.IdentityRecords.Group;
import io.github.openstackops.mcp.identity.IdentityRecords.Role;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Application credentials, regions, the service registry, domain changes and new groups and roles, in compact shapes.
 * A secret appears once: at creation.
 */
public final class AccessRecords {

    private AccessRecords() {
    }

    @Doc("An application credential (its secret is never shown again after creation)")
    public record ApplicationCredential(
            @Doc("Credential id") String id,
            @Doc("Credential name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Id of the user it acts as") String userId,
            @Nullable @Doc("Id of the project it is scoped to") String projectId,
            @Doc("Names of the roles it carries (a subset of the user's roles on that project)") List<String> roles,
            @Doc("True when it may create further credentials and trusts") boolean unrestricted,
            @Nullable @Doc("When it expires, ISO-8601; absent when it does not") String expiresAt) {
    }

    @Doc("Application credentials of one user")
    public record ApplicationCredentialPage(
            @Doc("Credentials, sorted by name") List<ApplicationCredential> applicationCredentials,
            @Doc("Number of credentials returned") int count,
            @Doc("True when more matched than were returned: narrow the filter or raise 'limit'") boolean truncated) {
    }

    @Doc("A new application credential with its secret, shown this once")
    public record ApplicationCredentialCreated(
            @Doc("The credential") ApplicationCredential applicationCredential,
            @Doc("The secret: Keystone keeps only its hash, so it cannot be shown again. Store it now") String secret,
            @Doc("What was created and how to use it, in a sentence") String message) {
    }

    @Doc("A Keystone region")
    public record Region(
            @Doc("Region id, e.g. RegionOne") String id,
            @Nullable @Doc("Description") String description,
            @Nullable @Doc("Parent region id") String parentRegionId) {
    }

    @Doc("Regions")
    public record RegionPage(
            @Doc("Regions, sorted by id") List<Region> regions,
            @Doc("Number of regions returned") int count) {
    }

    @Doc("A cloud this server offers")
    public record Cloud(
            @Doc("Its clouds.yaml name: the value of 'cloud' when several are offered") String name,
            @Nullable @Doc("Keystone URL") String authUrl,
            @Nullable @Doc("Region this server uses there") String region,
            @Nullable @Doc("Project this server acts in there") String project,
            @Doc("True for the default cloud") boolean isDefault,
            @Nullable @Doc("The cloud's regions, from Keystone") List<String> regions,
            @Nullable @Doc("Why the cloud could not be read") String error) {
    }

    @Doc("Clouds")
    public record CloudPage(
            @Doc("Clouds, the default first") List<Cloud> clouds,
            @Doc("Number of clouds") int count) {
    }

    @Doc("A domain with what it holds")
    public record DomainDetail(
            @Doc("The domain") Domain domain,
            @Doc("Number of projects in it") int projects,
            @Doc("Number of users in it") int users,
            @Doc("Number of groups in it") int groups) {
    }

    @Doc("The result of creating or updating a domain")
    public record DomainChange(
            @Doc("The domain as Keystone now has it") Domain domain,
            @Doc("False when nothing needed to change") boolean changed,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A service registered in Keystone")
    public record RegisteredService(
            @Doc("Service id") String id,
            @Doc("Service type, e.g. compute, network, volumev3") String type,
            @Nullable @Doc("Service name, e.g. nova") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Whether the service is enabled (a disabled one is left out of tokens' catalogs)") boolean enabled) {
    }

    @Doc("Registered services")
    public record RegisteredServicePage(
            @Doc("Services, sorted by type") List<RegisteredService> services,
            @Doc("Number of services returned") int count) {
    }

    @Doc("An endpoint registered in Keystone")
    public record RegisteredEndpoint(
            @Doc("Endpoint id") String id,
            @Doc("Id of its service") String serviceId,
            @Nullable @Doc("Type of its service, e.g. compute") String serviceType,
            @JsonProperty("interface") @Doc("public, internal or admin") String iface,
            @Nullable @Doc("Region") String region,
            @Doc("URL") String url,
            @Doc("Whether the endpoint is enabled") boolean enabled) {
    }

    @Doc("Registered endpoints")
    public record RegisteredEndpointPage(
            @Doc("Endpoints, sorted by service type, interface and region") List<RegisteredEndpoint> endpoints,
            @Doc("Number of endpoints returned") int count) {
    }

    @Doc("A new group")
    public record GroupCreated(@Doc("The group as Keystone has it") Group group, @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A new role")
    public record RoleCreated(@Doc("The role as Keystone has it") Role role, @Doc("What happened, in a sentence") String message) {
    }
}
