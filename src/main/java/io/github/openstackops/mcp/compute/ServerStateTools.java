package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Timeout;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.compute.ServerRecords.ServerActionResult;
import io.github.openstackops.mcp.compute.ServerStateService.StateAction;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

import static io.github.openstackops.mcp.compute.ServerTools.SERVER;
import static io.github.openstackops.mcp.compute.ServerTools.WAIT;

/** Server state tools: pause/unpause, suspend/resume, shelve/shelve-offload/unshelve, rescue/unrescue, lock/unlock. */
@Singleton
public class ServerStateTools implements ToolProvider {

    public record StateArgs(
            @IdOrName(SERVER) String server,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone,
            @Timeout(seconds = 120, max = 1800) Integer timeoutSeconds) {
    }

    public record ShelveArgs(
            @IdOrName(SERVER) String server,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    public record RescueArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Image to boot the rescue system from (id or exact name); the server's own image when"
                    + " omitted", maxLength = 255) String image,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone,
            @Timeout(seconds = 120, max = 1800) Integer timeoutSeconds) {
    }

    public record LockArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Why it is locked, shown to whoever finds it locked", maxLength = 255) String reason) {
    }

    public record UnlockArgs(@IdOrName(SERVER) String server) {
    }

    private final ServerStateService states;

    public ServerStateTools(ServerStateService states) {
        this.states = states;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                state("server_pause", "Servers: Pause", StateAction.PAUSE, "Pause a running server (its memory stays"
                        + " allocated, its CPUs stop) and wait until it is PAUSED. server_unpause resumes it."),
                state("server_unpause", "Servers: Unpause", StateAction.UNPAUSE,
                        "Unpause a PAUSED server and wait until it is ACTIVE."),
                state("server_suspend", "Servers: Suspend", StateAction.SUSPEND, "Suspend a running server (its"
                        + " memory is saved to disk, like hibernation) and wait until it is SUSPENDED. server_resume"
                        + " brings it back."),
                state("server_resume", "Servers: Resume", StateAction.RESUME,
                        "Resume a SUSPENDED server and wait until it is ACTIVE."),
                ToolDefinition.write("server_shelve", Toolset.COMPUTE, ShelveArgs.class, ServerActionResult.class)
                        .title("Servers: Shelve")
                        .description("Shelve a server: it is shut down and, for an image-booted server, snapshotted"
                                + " to an image. Depending on the cloud it then stays SHELVED on its host (its"
                                + " resources held; server_shelve_offload frees them) or is offloaded at once"
                                + " (SHELVED_OFFLOADED). Waits for either. server_unshelve boots it again.")
                        .handler((ctx, a) -> states.change(a.server(), StateAction.SHELVE, null, a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("server_shelve_offload", Toolset.COMPUTE, ShelveArgs.class,
                                ServerActionResult.class)
                        .adminOnly()
                        .title("Servers: Shelve Offload")
                        .description("Offload a SHELVED server from its host. Admin only by Nova's default policy. Its vCPUs, RAM and disk there are"
                                + " freed (SHELVED_OFFLOADED); server_unshelve schedules it to a host again. Waits"
                                + " until it is SHELVED_OFFLOADED.")
                        .handler((ctx, a) -> states.change(a.server(), StateAction.OFFLOAD, null, a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("server_unshelve", Toolset.COMPUTE, ShelveArgs.class, ServerActionResult.class)
                        .title("Servers: Unshelve")
                        .description("Unshelve a SHELVED or SHELVED_OFFLOADED server: it is scheduled to a host"
                                + " again and booted. Waits until it is ACTIVE.")
                        .handler((ctx, a) -> states.change(a.server(), StateAction.UNSHELVE, null, a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("server_rescue", Toolset.COMPUTE, RescueArgs.class, ServerActionResult.class)
                        .title("Servers: Rescue")
                        .description("Boot a server into rescue mode: a rescue system (from its own image or the one"
                                + " given) starts with the server's disk attached, to repair a server that no longer"
                                + " boots. Waits until it is RESCUE. The rescue password Nova generates is not"
                                + " returned. server_unrescue ends it.")
                        .handler((ctx, a) -> states.change(a.server(), StateAction.RESCUE, a.image(),
                                a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                state("server_unrescue", "Servers: Unrescue", StateAction.UNRESCUE,
                        "Leave rescue mode: the server boots from its own disk again. Waits until it is ACTIVE."),
                ToolDefinition.write("server_lock", Toolset.COMPUTE, LockArgs.class, ServerActionResult.class)
                        .title("Servers: Lock")
                        .description("Lock a server so that non-admin users cannot stop, delete, resize or otherwise"
                                + " change it until it is unlocked, optionally saying why. The result is read back"
                                + " from Nova.")
                        .handler((ctx, a) -> states.lock(a.server(), true, a.reason()))
                        .build(),
                ToolDefinition.write("server_unlock", Toolset.COMPUTE, UnlockArgs.class, ServerActionResult.class)
                        .title("Servers: Unlock")
                        .description("Unlock a locked server so that it can be changed again. A server locked by an"
                                + " admin can only be unlocked by an admin.")
                        .handler((ctx, a) -> states.lock(a.server(), false, null))
                        .build());
    }

    private ToolDefinition<StateArgs, ServerActionResult> state(String name, String title, StateAction action,
                                                                String description) {
        return ToolDefinition.write(name, Toolset.COMPUTE, StateArgs.class, ServerActionResult.class)
                .title(title)
                .description(description)
                .handler((ctx, a) -> states.change(a.server(), action, null, a.waitUntilDone(),
                        Duration.ofSeconds(a.timeoutSeconds()), ctx))
                .build();
    }
}
