package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.compute.FlavorAccessRecords.FlavorAccess;
import io.github.openstackops.mcp.compute.FlavorAccessRecords.FlavorSpecs;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Flavor extra specs (set, remove) and the projects a private flavor is shared with (list, add, remove); admin. */
@Singleton
public class FlavorAccessTools implements ToolProvider {

    static final String FLAVOR = "Flavor id or exact name";

    public record SpecsArgs(
            @Param(value = FLAVOR, required = true, minLength = 1, maxLength = 255) String flavor,
            @Param(value = "Extra specs to set, e.g. {\"hw:cpu_policy\": \"dedicated\", \"aggregate_instance_extra_specs:ssd\": \"true\"}",
                    required = true) Map<String, String> extraSpecs) {
    }

    public record KeysArgs(
            @Param(value = FLAVOR, required = true, minLength = 1, maxLength = 255) String flavor,
            @Param(value = "Extra spec keys to remove", required = true, maxItems = 64) List<String> keys) {
    }

    public record FlavorArgs(@Param(value = FLAVOR, required = true, minLength = 1, maxLength = 255) String flavor) {
    }

    public record ProjectArgs(
            @Param(value = FLAVOR, required = true, minLength = 1, maxLength = 255) String flavor,
            @Param(value = "Project id or exact name", required = true, minLength = 1, maxLength = 255) String project) {
    }

    private final FlavorAccessService access;

    public FlavorAccessTools(FlavorAccessService access) {
        this.access = access;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.write("flavor_extra_spec_set", Toolset.COMPUTE, SpecsArgs.class, FlavorSpecs.class)
                        .adminOnly()
                        .title("Flavors: Extra Spec Set")
                        .description("Admin only. Set extra specs of a flavor (CPU pinning, aggregate matching,"
                                + " quotas, ...); other keys stay. Only servers created afterwards get them.")
                        .handler((ctx, a) -> access.setSpecs(a.flavor(), a.extraSpecs()))
                        .build(),
                ToolDefinition.write("flavor_extra_spec_remove", Toolset.COMPUTE, KeysArgs.class, FlavorSpecs.class)
                        .adminOnly()
                        .title("Flavors: Extra Spec Remove")
                        .description("Admin only. Remove (unset) extra spec keys of a flavor; every key must exist.")
                        .handler((ctx, a) -> access.removeSpecs(a.flavor(), a.keys()))
                        .build(),
                ToolDefinition.read("flavor_access_list", Toolset.COMPUTE, FlavorArgs.class, FlavorAccess.class)
                        .adminOnly()
                        .title("Flavors: Access List")
                        .description("Admin only. The projects that may use a private flavor.")
                        .handler((ctx, a) -> access.list(a.flavor()))
                        .build(),
                ToolDefinition.write("flavor_access_add", Toolset.COMPUTE, ProjectArgs.class, FlavorAccess.class)
                        .adminOnly()
                        .title("Flavors: Access Add")
                        .description("Admin only. Let a project use a private flavor.")
                        .handler((ctx, a) -> access.change(a.flavor(), a.project(), true))
                        .build(),
                ToolDefinition.write("flavor_access_remove", Toolset.COMPUTE, ProjectArgs.class, FlavorAccess.class)
                        .adminOnly()
                        .title("Flavors: Access Remove")
                        .description("Admin only. Stop a project from creating servers with a private flavor; its"
                                + " existing servers keep running.")
                        .handler((ctx, a) -> access.change(a.flavor(), a.project(), false))
                        .build());
    }
}
