package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/** The compact shapes flavors are returned in. */
public final class FlavorRecords {

    private FlavorRecords() {
    }

    @Doc("A flavor (server size)")
    public record Flavor(
            @Doc("Flavor id") String id,
            @Doc("Flavor name") String name,
            @Doc("vCPUs") int vcpus,
            @Doc("RAM in MiB") int ramMb,
            @Doc("Root disk in GiB (0: the image's size, or boot from volume)") int diskGb,
            @Doc("Ephemeral disk in GiB") int ephemeralGb,
            @Doc("Swap in MiB") int swapMb,
            @Doc("Public (usable by every project) or private (only projects given access)") boolean isPublic,
            @Doc("Disabled flavors cannot be used for new servers") boolean disabled,
            @Nullable @Doc("Description") String description) {
    }

    public static final Page.Kind<Flavor> FLAVORS = Page.Kind.of(Flavor.class, "flavors", "flavors");

    @Doc("A flavor in detail")
    public record FlavorDetail(
            @Doc("Flavor id") String id,
            @Doc("Flavor name") String name,
            @Doc("vCPUs") int vcpus,
            @Doc("RAM in MiB") int ramMb,
            @Doc("Root disk in GiB") int diskGb,
            @Doc("Ephemeral disk in GiB") int ephemeralGb,
            @Doc("Swap in MiB") int swapMb,
            @Doc("Public or private") boolean isPublic,
            @Doc("Disabled flavors cannot be used for new servers") boolean disabled,
            @Nullable @Doc("Description") String description,
            @Nullable @Doc("RX/TX factor") Double rxtxFactor,
            @Doc("Extra specs (scheduler hints, CPU pinning, quotas, ...)") Map<String, String> extraSpecs) {
    }

    @Doc("The flavor that was created")
    public record FlavorCreated(
            @Doc("The new flavor") FlavorDetail flavor,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of deleting a flavor")
    public record FlavorDeleted(
            @Doc("Flavor id") String id,
            @Doc("Flavor name") String name,
            @Doc("Servers that still use it (they keep running with their copy of the flavor)") int serversUsing,
            @Doc("What happened, in a sentence") String message) {
    }
}
