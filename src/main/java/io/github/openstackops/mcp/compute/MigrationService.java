package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.MigrationRecords.Migration;
import io.github.openstackops.mcp.compute.MigrationRecords.MigrationControlled;
import io.github.openstackops.mcp.compute.MigrationRecords.MigrationDetail;
import io.github.openstackops.mcp.compute.MigrationRecords.MigrationPage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Migrations (admin): Nova's record of every cold migration, resize, live migration and evacuation, past and in
 * progress, read at microversion 2.80 (uuids, paging by uuid marker, newest first).
 */
@Singleton
public class MigrationService {

    static final String MV = "2.80";
    /** Abort of a live migration that is queued or preparing, not only running. */
    static final String ABORT_MV = "2.65";
    static final String FORCE_COMPLETE_MV = "2.22";
    /** Statuses of a migration that has not ended. */
    static final Set<String> IN_PROGRESS = Set.of("queued", "accepted", "pre-migrating", "preparing", "running",
            "migrating", "post-migrating", "finished");
    /** At most this many migrations of one server are searched for migration_get. */
    private static final int SERVER_SCAN = 1000;

    public enum Type {
        MIGRATION, RESIZE, LIVE_MIGRATION, EVACUATION;

        String nova() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public record Filters(@Nullable String server, @Nullable String host, @Nullable String status,
                          @Nullable Type type, @Nullable String changesSince) {
    }

    /** What can be done to a live migration in progress. */
    public enum Control {
        ABORT("abort", Set.of("queued", "preparing", "running")),
        FORCE_COMPLETE("force-complete", Set.of("running"));

        private final String verb;
        private final Set<String> allowedFrom;

        Control(String verb, Set<String> allowedFrom) {
            this.verb = verb;
            this.allowedFrom = allowedFrom;
        }
    }

    private final NovaClient nova;
    private final ServerService servers;
    private final ServerActions actions;

    public MigrationService(NovaClient nova, ServerService servers, ServerActions actions) {
        this.nova = nova;
        this.servers = servers;
        this.actions = actions;
    }

    public MigrationPage list(int limit, @Nullable String marker, Filters f) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", Paging.fetchSize(limit));
        if (ServerService.notBlank(marker)) {
            query.put("marker", marker.trim());
        }
        if (ServerService.notBlank(f.server())) {
            query.put("instance_uuid", servers.resolve(f.server()).id());
        }
        if (ServerService.notBlank(f.host())) {
            query.put("host", f.host().trim());
        }
        if (ServerService.notBlank(f.status())) {
            query.put("status", f.status().trim().toLowerCase(Locale.ROOT));
        }
        if (f.type() != null) {
            query.put("migration_type", f.type().nova());
        }
        if (ServerService.notBlank(f.changesSince())) {
            query.put("changes-since", f.changesSince().trim());
        }
        JsonNode answer = OpenStackFaults.attempt("list migrations", () -> nova.at(MV).get("/os-migrations", query));
        Paging.Slice<JsonNode> page = Paging.slice(Json.array(answer, "migrations"), limit,
                m -> Json.text(m, "uuid"));
        List<Migration> migrations = page.items().stream().map(MigrationService::migration).toList();
        return new MigrationPage(migrations, migrations.size(), page.nextMarker());
    }

    /** A migration of a server, by its number or uuid; with progress while a live migration runs. */
    public MigrationDetail get(String server, String migration) {
        NovaServer s = servers.resolve(server);
        String wanted = migration.trim();
        JsonNode answer = OpenStackFaults.attempt("list the migrations of server '" + s.name() + "'",
                () -> nova.at(MV).get("/os-migrations", Map.of("instance_uuid", s.id(), "limit", SERVER_SCAN)));
        JsonNode found = Json.array(answer, "migrations").stream()
                .filter(m -> wanted.equals(Json.text(m, "uuid")) || wanted.equals(Json.text(m, "id")))
                .findFirst().orElseThrow(() -> ToolException.notFound("Server '" + s.name() + "' has no migration '"
                        + wanted + "'; migration_list with 'server' shows its migrations."));
        Migration m = migration(found);
        boolean inProgress = m.status() != null && IN_PROGRESS.contains(m.status());
        JsonNode progress = null;
        if (inProgress && "live-migration".equals(m.type())) {
            // Nova answers 404 once the live migration has ended between the two calls
            JsonNode live = Json.orNull(() -> nova.at(MV).get("/servers/" + s.id() + "/migrations/" + m.id(), null));
            progress = live == null ? null : live.get("migration");
        }
        return new MigrationDetail(m, inProgress, bytes(progress, "memory_total_bytes"),
                bytes(progress, "memory_processed_bytes"), bytes(progress, "memory_remaining_bytes"),
                bytes(progress, "disk_total_bytes"), bytes(progress, "disk_processed_bytes"),
                bytes(progress, "disk_remaining_bytes"));
    }

    /**
     * Aborts (the server stays on its source) or force-completes (the guest is paused until the copy ends on the
     * destination) a live migration in progress: the one named, or the server's live migration in progress.
     */
    public MigrationControlled control(Control control, String server, @Nullable String migration, boolean wait,
                                       Duration timeout, ToolContext context) {
        NovaServer s = servers.resolve(server);
        Migration m = pick(OpenStackFaults.attempt("list the migrations of server '" + s.name() + "'",
                () -> migrationsOf(s)), s, migration, control);
        String label = "live migration " + m.id() + " of server '" + s.name() + "'";
        if (!"live-migration".equals(m.type())) {
            throw ToolException.invalid("Migration " + m.id() + " of server '" + s.name() + "' is a " + m.type()
                    + ", not a live migration: only live migrations can be aborted or force-completed (a cold"
                    + " migration or resize in VERIFY_RESIZE is undone with server_resize_revert).");
        }
        if (m.status() == null || !control.allowedFrom.contains(m.status())) {
            throw ToolException.conflict("The " + label + " is " + m.status() + ", so it cannot be "
                    + (control == Control.ABORT ? "aborted" : "force-completed") + " (only while "
                    + String.join(" or ", control.allowedFrom.stream().sorted().toList()) + ").");
        }
        String path = "/servers/" + s.id() + "/migrations/" + m.id();
        if (control == Control.ABORT) {
            OpenStackFaults.attempt("abort the " + label + " (it must still be in progress)", () -> {
                nova.at(ABORT_MV).delete(path);
                return null;
            });
        } else {
            OpenStackFaults.attempt("force-complete the " + label + " (it must be running)",
                    () -> nova.at(FORCE_COMPLETE_MV).post(path + "/action", Collections.singletonMap(
                            "force_complete", null)));
        }
        context.info(control.verb + " requested for the " + label);
        if (!wait) {
            return new MigrationControlled(s.id(), s.name(), m.id(), control.verb, m.status(), m.status(), false,
                    m.sourceHost(), m.destHost(), s.host(), "The " + control.verb + " of the " + label
                    + " was accepted; migration_get shows when it has ended.");
        }
        Polling.Outcome<Migration> ended = Polling.until(() -> current(s, m.id()),
                x -> x.status() != null && !IN_PROGRESS.contains(x.status()), x -> false,
                x -> "migration " + x.id() + " " + x.status(), timeout, actions.pollInterval(), context);
        Migration last = ended.last() == null ? m : ended.last();
        NovaServer now = ended.reached()
                ? actions.await(s.id(), NovaServer::settled, x -> false, timeout, context).last()
                : NovaServer.of(nova.server(s.id()));
        String host = now == null ? null : now.host();
        return new MigrationControlled(s.id(), s.name(), m.id(), control.verb, m.status(), last.status(),
                ended.reached(), m.sourceHost(), m.destHost(), host, outcome(control, label, s.name(), last, host,
                ended));
    }

    private static Migration pick(List<Migration> all, NovaServer s, @Nullable String wanted, Control control) {
        if (ServerService.notBlank(wanted)) {
            String w = wanted.trim();
            return all.stream().filter(m -> w.equals(m.uuid()) || w.equals(Long.toString(m.id()))).findFirst()
                    .orElseThrow(() -> ToolException.notFound("Server '" + s.name() + "' has no migration '" + w
                            + "'; migration_list with 'server' shows its migrations."));
        }
        return all.stream().filter(m -> "live-migration".equals(m.type()) && m.status() != null
                        && IN_PROGRESS.contains(m.status())).findFirst()
                .orElseThrow(() -> ToolException.conflict("Server '" + s.name() + "' has no live migration in"
                        + " progress, so there is nothing to " + control.verb + "; migration_list with 'server'"
                        + " shows its migrations."));
    }

    private List<Migration> migrationsOf(NovaServer s) {
        JsonNode answer = nova.at(MV).get("/os-migrations", Map.of("instance_uuid", s.id(), "limit", SERVER_SCAN));
        return Json.array(answer, "migrations").stream().map(MigrationService::migration).toList();
    }

    @Nullable
    private Migration current(NovaServer s, long id) {
        return migrationsOf(s).stream().filter(x -> x.id() == id).findFirst().orElse(null);
    }

    private static String outcome(Control control, String label, String server, Migration last,
                                  @Nullable String host, Polling.Outcome<Migration> ended) {
        String where = host == null ? "" : " Server '" + server + "' runs on " + host + ".";
        if (!ended.reached()) {
            return ended.end() == Polling.End.GONE ? "The " + label + " is no longer listed." + where
                    : "The " + label + " is still " + last.status() + " after " + ended.waited().toSeconds()
                    + " s; the " + control.verb + " may still take effect (migration_get shows it)." + where;
        }
        return switch (last.status()) {
            case "cancelled" -> "The " + label + " was aborted (cancelled); it stays on its source host." + where;
            case "completed" -> (control == Control.ABORT ? "The " + label
                    + " completed before the abort took effect." : "The " + label + " was completed.") + where;
            default -> "The " + label + " ended as " + last.status() + "; server_action_list shows"
                    + " why." + where;
        };
    }

    static Migration migration(JsonNode m) {
        Long id = Json.longValue(m, "id");
        return new Migration(id == null ? 0 : id, Json.text(m, "uuid"), Json.text(m, "instance_uuid"),
                Json.text(m, "migration_type"), Json.text(m, "status"), Json.text(m, "source_compute"),
                Json.text(m, "dest_compute"), Json.text(m, "project_id"), NovaServer.iso(Json.text(m, "created_at")),
                NovaServer.iso(Json.text(m, "updated_at")));
    }

    @Nullable
    private static Long bytes(@Nullable JsonNode progress, String field) {
        return progress == null ? null : Json.longValue(progress, field);
    }
}
