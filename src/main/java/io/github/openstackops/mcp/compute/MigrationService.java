package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.MigrationRecords.Migration;
import io.github.openstackops.mcp.compute.MigrationRecords.MigrationDetail;
import io.github.openstackops.mcp.compute.MigrationRecords.MigrationPage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

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

    private final NovaClient nova;
    private final ServerService servers;

    public MigrationService(NovaClient nova, ServerService servers) {
        this.nova = nova;
        this.servers = servers;
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
