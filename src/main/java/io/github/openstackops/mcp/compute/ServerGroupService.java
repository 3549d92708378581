package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.lookup.ServerNames;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.ServerGroupRecords.Member;
import io.github.openstackops.mcp.compute.ServerGroupRecords.ServerGroup;
import io.github.openstackops.mcp.compute.ServerGroupRecords.ServerGroupCreated;
import io.github.openstackops.mcp.compute.ServerGroupRecords.ServerGroupDeleted;
import io.github.openstackops.mcp.compute.ServerGroupRecords.ServerGroupDetail;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.segment;
import static io.github.openstackops.mcp.cloud.Json.text;

/**
 * Server groups (Nova, microversion 2.64: one policy plus rules). Nova pages server groups by offset, not by marker,
 * so the cursor handed out as {@code next_marker} is the offset of the next page. server_group_get shows the name and
 * status of the first {@link #MEMBER_NAMES} members, one server read each: statuses are part of its answer, and the
 * alternative (listing every server in detail) costs more than a few reads. The delete preview needs names only and
 * gets them in one call ({@link ServerNames}).
 */
@Singleton
public class ServerGroupService {

    static final String MV = "2.64";
    static final int MEMBER_NAMES = 25;
    private static final int NAME_SCAN_PAGES = 10;

    private final NovaClient nova;
    private final ServerNames serverNames;

    public ServerGroupService(NovaClient nova, ServerNames serverNames) {
        this.nova = nova;
        this.serverNames = serverNames;
    }

    public Page<ServerGroup> list(int limit, @Nullable String marker, boolean allProjects) {
        int offset = offset(marker);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", Paging.fetchSize(limit));
        query.put("offset", offset);
        if (allProjects) {
            query.put("all_projects", "True");
        }
        List<JsonNode> fetched = array(nova.at(MV).get("/os-server-groups", query), "server_groups");
        List<ServerGroup> groups = fetched.stream().limit(limit).map(ServerGroupService::summary).toList();
        return ServerGroupRecords.SERVER_GROUPS.page(groups,
                fetched.size() > limit ? String.valueOf(offset + limit) : null);
    }

    public ServerGroupDetail get(String ref) {
        JsonNode g = resolve(ref);
        List<String> ids = memberIds(g);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            members.add(i < MEMBER_NAMES ? member(ids.get(i)) : new Member(ids.get(i), null, null));
        }
        return new ServerGroupDetail(text(g, "id"), text(g, "name"), text(g, "policy"), maxPerHost(g),
                text(g, "project_id"), text(g, "user_id"), ids.size(), members);
    }

    public ServerGroupCreated create(String name, String policy, @Nullable Integer maxServerPerHost) {
        if (maxServerPerHost != null && !"anti-affinity".equals(policy)) {
            throw ToolException.invalid("max_server_per_host only applies to the anti-affinity policy.");
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", name.trim());
        group.put("policy", policy);
        if (maxServerPerHost != null) {
            group.put("rules", Map.of("max_server_per_host", maxServerPerHost));
        }
        JsonNode created = nova.at(MV).post("/os-server-groups", Map.of("server_group", group)).get("server_group");
        ServerGroup g = summary(created);
        return new ServerGroupCreated(g, "Server group '" + g.name() + "' (" + g.id() + ") created with policy "
                + g.policy() + (g.maxServerPerHost() == null ? "" : ", at most " + g.maxServerPerHost()
                + " members per host") + ". Servers join it when server_create is given it as 'server_group'.");
    }

    /** The preview names every member in one Nova call (it shows no statuses, so no call per member). */
    public Preview deletePreview(String ref) {
        JsonNode g = resolve(ref);
        String name = text(g, "name");
        String policy = text(g, "policy");
        List<String> ids = memberIds(g);
        Map<String, String> memberNames = serverNames.of(ids);
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("server_group", text(g, "id"), name, "deleted"));
        for (String id : ids) {
            resources.add(new Preview.Resource("server", id, memberNames.get(id),
                    "keeps running; no longer bound by the " + policy + " policy"));
        }
        List<String> warnings = new ArrayList<>();
        if (!ids.isEmpty()) {
            warnings.add("The group has " + ids.size() + " member server" + (ids.size() == 1 ? "" : "s")
                    + ": they are not deleted, but later migrations and rebuilds no longer follow its "
                    + policy + " policy.");
        }
        return new Preview("delete server group", "Delete server group '" + name + "' (" + text(g, "id")
                + "), policy " + policy + ", " + ids.size() + " member" + (ids.size() == 1 ? "" : "s") + ".",
                resources, warnings);
    }

    public ServerGroupDeleted delete(String ref) {
        JsonNode g = resolve(ref);
        int members = memberIds(g).size();
        nova.at(MV).delete("/os-server-groups/" + segment(text(g, "id")));
        return new ServerGroupDeleted(text(g, "id"), text(g, "name"), members, "Server group '" + text(g, "name")
                + "' is deleted" + (members == 0 ? "." : "; its " + members + " member server"
                + (members == 1 ? " keeps" : "s keep") + " running."));
    }

    /** A group by id, or by exact name when unique among the project's groups (Nova has no name filter). */
    JsonNode resolve(String ref) {
        return Lookup.byIdOrName("Server group", ref, id -> {
                    JsonNode found = Json.orNull(() -> nova.at(MV).get("/os-server-groups/"
                            + segment(id), null));
                    return found == null ? null : found.get("server_group");
                },
                this::byName, g -> text(g, "name"), g -> text(g, "id"));
    }

    private List<JsonNode> byName(String name) {
        List<JsonNode> matches = new ArrayList<>();
        for (int page = 0; page < NAME_SCAN_PAGES; page++) {
            List<JsonNode> groups = array(nova.at(MV).get("/os-server-groups", Map.of("limit", 1000, "offset", page * 1000)), "server_groups");
            groups.stream().filter(g -> name.equals(text(g, "name"))).forEach(matches::add);
            if (groups.size() < 1000) {
                break;
            }
        }
        return matches;
    }

    private Member member(String id) {
        try {
            JsonNode s = Json.orNull(() -> nova.get("/servers/" + segment(id), null));
            if (s == null) {
                return new Member(id, null, "DELETED");
            }
            return new Member(id, text(s.get("server"), "name"), text(s.get("server"), "status"));
        } catch (RuntimeException e) {
            // a member of another project (admin view) or a transient failure: the id still names it
            return new Member(id, null, null);
        }
    }

    private static int offset(@Nullable String marker) {
        if (marker == null || marker.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(marker.trim());
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw ToolException.invalid("marker must be the 'next_marker' of a previous server_group_list page.");
        }
    }

    static ServerGroup summary(JsonNode g) {
        return new ServerGroup(text(g, "id"), text(g, "name"), text(g, "policy"), maxPerHost(g), memberIds(g).size(),
                text(g, "project_id"));
    }

    private static List<String> memberIds(JsonNode g) {
        return array(g, "members").stream().map(JsonNode::asText).toList();
    }

    @Nullable
    private static Integer maxPerHost(JsonNode g) {
        return g.has("rules") ? integer(g.get("rules"), "max_server_per_host") : null;
    }
}
