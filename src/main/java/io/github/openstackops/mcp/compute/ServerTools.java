package io.github.openstackops.mcp.compute;

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
import io.github.openstackops.mcp.compute.ServerRecords.SearchResult;
import io.github.openstackops.mcp.compute.ServerRecords.ServerActionResult;
import io.github.openstackops.mcp.compute.ServerRecords.ServerDeleted;
import io.github.openstackops.mcp.compute.ServerRecords.ServerDetail;
import io.github.openstackops.mcp.compute.ServerService.PowerAction;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/** Server tools: list, search, get, start, stop, reboot, delete. */
@Singleton
public class ServerTools implements ToolProvider {

    static final String SERVER = "Server id, or its exact name when that name is unique in the project";
    static final String WAIT = "Wait until the server reaches the target state, reporting progress";

    public record ListArgs(
            @Limit("Servers per page") Integer limit,
            @Marker("Id of the last server of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only servers whose name contains this text", maxLength = 255) String name,
            @Param("Only servers with this status") ServerStatus status,
            @Param(value = "Only servers on this compute host (admin only)", maxLength = 255) String host,
            @Param(value = "Only servers of this flavor (id or exact name)", maxLength = 255) String flavor,
            @Param(value = "Only servers booted from this image (id or exact name)", maxLength = 255) String image,
            @Param(value = "Only servers in this availability zone", maxLength = 255) String availabilityZone,
            @Param(value = "Only servers with a fixed IP containing this text (e.g. 10.0.0.5 or 10.0.0.)",
                    maxLength = 64) String ip,
            @Param(value = "Only servers changed since this time (ISO-8601); includes servers deleted since then",
                    format = "date-time", maxLength = 64) String changesSince,
            @Param(value = "List the servers of every project (admin only)", defaultValue = "false") Boolean allProjects,
            @Param(value = "false: only id, name, status and task state of each server (smaller, no name lookups)",
                    defaultValue = "true") Boolean detail) {
    }

    public record SearchArgs(
            @Param(value = "Text to find, e.g. part of a name, an IP, a status, a flavor or image name",
                    required = true, minLength = 1, maxLength = 255) String query,
            @Param(value = "Fields to look in; all of them when omitted", maxItems = 7) List<ServerSearch.Field> fields,
            @Param(value = "Match upper and lower case exactly", defaultValue = "false") Boolean caseSensitive,
            @Param(value = "Search the servers of every project (admin only)", defaultValue = "false") Boolean allProjects,
            @Limit("Most servers to return") Integer limit) {
    }

    public record GetArgs(@IdOrName(SERVER) String server) {
    }

    public record PowerArgs(
            @IdOrName(SERVER) String server,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone,
            @Timeout(seconds = 120, max = 1800) Integer timeoutSeconds) {
    }

    public enum RebootType { SOFT, HARD }

    public record RebootArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "soft: ask the guest OS to restart; hard: power-cycle", defaultValue = "\"soft\"") RebootType type,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone,
            @Timeout(seconds = 120, max = 1800) Integer timeoutSeconds) {
    }

    public record DeleteArgs(
            @IdOrName(SERVER) String server,
            @JsonProperty("wait") @Wait("Wait until the server is gone, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 120, max = 1800) Integer timeoutSeconds) {
    }

    private final ServerService servers;
    private final ServerSearch search;

    public ServerTools(ServerService servers, ServerSearch search) {
        this.servers = servers;
        this.search = search;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("server_list", Toolset.COMPUTE, ListArgs.class, ServerRecords.SERVERS)
                        .title("Servers: List")
                        .description("List the project's servers, newest first, one page at a time, optionally only"
                                + " those whose name contains a text, with a given status (e.g. SHUTOFF, ERROR), on a"
                                + " host, of a flavor or image, in an availability zone, with an IP, or changed since"
                                + " a time. Filtering happens in Nova. 'host' and 'all_projects' are admin only."
                                + " 'detail': false returns only ids, names and states. Pass 'next_marker' as"
                                + " 'marker' for the next page.")
                        .handler((ctx, a) -> servers.list(a.limit(), a.marker(), new ServerService.Filters(a.name(),
                                a.status(), a.host(), a.flavor(), a.image(), a.availabilityZone(), a.ip(),
                                a.changesSince(), a.allProjects()), a.detail()))
                        .build(),
                ToolDefinition.read("server_search", Toolset.COMPUTE, SearchArgs.class, SearchResult.class)
                        .title("Servers: Search")
                        .description("Find servers whose name, status, host, flavor, image, availability zone or IP"
                                + " contains a text (case-insensitive unless case_sensitive). Nova does the"
                                + " filtering: name and IP go to its name and ip filters; for status, flavor, image,"
                                + " availability zone and host the text is first matched against the possible values"
                                + " and each match becomes one exact Nova query; every returned server is then"
                                + " checked against the text. Bounded: at most " + ServerSearch.MAX_CALLS + " Nova"
                                + " list calls and " + ServerSearch.MAX_EXAMINED + " servers examined; 'truncated'"
                                + " and 'how' say when it stopped early. A full floating IP is found through"
                                + " Neutron. Host matching is admin only. Use server_list for plain filtering.")
                        .handler((ctx, a) -> search.search(a.query(), a.fields(), a.caseSensitive(), a.allProjects(),
                                a.limit()))
                        .build(),
                ToolDefinition.read("server_get", Toolset.COMPUTE, GetArgs.class, ServerDetail.class)
                        .title("Servers: Get")
                        .description("One server in detail: status and power state, flavor, image, addresses,"
                                + " attached volumes (with device and name), security groups, key pair, metadata,"
                                + " whether it is locked, and the fault when it is in ERROR.")
                        .handler((ctx, a) -> servers.get(a.server()))
                        .build(),
                power("server_start", "Servers: Start", PowerAction.START,
                        "Start (power on) a SHUTOFF server and wait until it is ACTIVE."),
                power("server_stop", "Servers: Stop", PowerAction.STOP,
                        "Stop (power off) a server and wait until it is SHUTOFF. Its resources stay allocated."),
                ToolDefinition.write("server_reboot", Toolset.COMPUTE, RebootArgs.class, ServerActionResult.class)
                        .title("Servers: Reboot")
                        .description("Reboot a server (soft by default, hard to power-cycle a hung one) and wait"
                                + " until it is ACTIVE again.")
                        .handler((ctx, a) -> servers.power(a.server(),
                                a.type() == RebootType.HARD ? PowerAction.REBOOT_HARD : PowerAction.REBOOT_SOFT,
                                a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.destructive("server_delete", Toolset.COMPUTE, DeleteArgs.class, ServerDeleted.class)
                        .title("Servers: Delete")
                        .description("Delete a server. The preview names the server, the volumes that are detached"
                                + " and kept, and the floating IPs that are disassociated.")
                        .preview((ctx, a) -> servers.deletePreview(a.server()))
                        .handler((ctx, a) -> servers.delete(a.server(), a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build());
    }

    private ToolDefinition<PowerArgs, ServerActionResult> power(String name, String title, PowerAction action,
                                                                String description) {
        return ToolDefinition.write(name, Toolset.COMPUTE, PowerArgs.class, ServerActionResult.class)
                .title(title)
                .description(description)
                .handler((ctx, a) -> servers.power(a.server(), action, a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                .build();
    }
}
