package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.lookup.ProjectScope;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.FlavorAccessRecords.FlavorAccess;
import io.github.openstackops.mcp.compute.FlavorAccessRecords.FlavorProject;
import io.github.openstackops.mcp.compute.FlavorAccessRecords.FlavorSpecs;
import io.github.openstackops.mcp.compute.FlavorRecords.FlavorDetail;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Flavor extra specs (set, remove) and flavor access of private flavors (list, add, remove a project); admin. */
@Singleton
public class FlavorAccessService {

    static final int PROJECT_NAMES = 25;

    private final NovaClient nova;
    private final FlavorService flavors;
    private final ProjectScope projects;

    public FlavorAccessService(NovaClient nova, FlavorService flavors, ProjectScope projects) {
        this.nova = nova;
        this.flavors = flavors;
        this.projects = projects;
    }

    public FlavorSpecs setSpecs(String flavor, Map<String, String> specs) {
        if (specs == null || specs.isEmpty()) {
            throw ToolException.invalid("Give 'extra_specs' to set, e.g. {\"hw:cpu_policy\": \"dedicated\"}.");
        }
        FlavorDetail f = flavors.get(flavor);
        OpenStackFaults.attempt("set extra specs of flavor '" + f.name() + "'",
                () -> nova.post("/flavors/" + Json.segment(f.id()) + "/os-extra_specs", Map.of("extra_specs", specs)));
        return new FlavorSpecs(f.id(), f.name(), specs(f.id()), "Set " + specs.keySet() + " on flavor '" + f.name()
                + "'. Servers created from now on get them; existing servers keep what they were built with.");
    }

    public FlavorSpecs removeSpecs(String flavor, List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            throw ToolException.invalid("Give 'keys': the extra spec keys to remove.");
        }
        FlavorDetail f = flavors.get(flavor);
        Map<String, String> before = specs(f.id());
        List<String> missing = keys.stream().map(String::trim).filter(k -> !before.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw ToolException.notFound("Flavor '" + f.name() + "' has no extra spec " + missing + "; it has "
                    + before.keySet() + ".");
        }
        for (String key : keys) {
            OpenStackFaults.attempt("remove extra spec '" + key.trim() + "' of flavor '" + f.name() + "'", () -> {
                nova.delete("/flavors/" + Json.segment(f.id()) + "/os-extra_specs/" + Json.segment(key.trim()));
                return null;
            });
        }
        return new FlavorSpecs(f.id(), f.name(), specs(f.id()), "Removed " + keys + " from flavor '" + f.name()
                + "'.");
    }

    public FlavorAccess list(String flavor) {
        FlavorDetail f = privateFlavor(flavor);
        return access(f, null);
    }

    /** Gives ({@code add}) or takes away a project's access to a private flavor. */
    public FlavorAccess change(String flavor, String project, boolean add) {
        FlavorDetail f = privateFlavor(flavor);
        ProjectScope.Project p = projects.resolve(project);
        String action = add ? "addTenantAccess" : "removeTenantAccess";
        OpenStackFaults.attempt((add ? "give project " + p.label() + " access to" : "take away the access of project "
                        + p.label() + " to") + " flavor '" + f.name() + "'",
                () -> nova.post("/flavors/" + Json.segment(f.id()) + "/action", Map.of(action, Map.of("tenant", p.id()))));
        return access(f, "Project " + p.label() + (add ? " may now use" : " may no longer create servers with")
                + " flavor '" + f.name() + "'" + (add ? "." : "; its existing servers keep running."));
    }

    private FlavorAccess access(FlavorDetail f, String message) {
        JsonNode answer = nova.get("/flavors/" + Json.segment(f.id()) + "/os-flavor-access", null);
        List<FlavorProject> out = new ArrayList<>();
        for (JsonNode entry : Json.array(answer, "flavor_access")) {
            String id = Json.text(entry, "tenant_id");
            out.add(new FlavorProject(id, out.size() < PROJECT_NAMES ? projectName(id) : null));
        }
        return new FlavorAccess(f.id(), f.name(), out, out.size(), message);
    }

    private String projectName(String id) {
        try {
            return projects.resolve(id).name();
        } catch (RuntimeException e) {
            return null; // a deleted project still listed by Nova: the id names it
        }
    }

    private FlavorDetail privateFlavor(String flavor) {
        FlavorDetail f = flavors.get(flavor);
        if (f.isPublic()) {
            throw ToolException.invalid("Flavor '" + f.name() + "' is public: every project may use it, so it has no"
                    + " access list. Only private flavors are shared with projects.");
        }
        return f;
    }

    private Map<String, String> specs(String flavorId) {
        return new TreeMap<>(Json.stringMap(nova.get("/flavors/" + Json.segment(flavorId) + "/os-extra_specs", null),
                "extra_specs"));
    }
}
