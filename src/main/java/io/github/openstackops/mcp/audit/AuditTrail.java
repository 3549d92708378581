package io.github.openstackops.mcp.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.openstackops.mcp.catalog.ActingIdentity;
import io.github.openstackops.mcp.catalog.ToolCallObserver;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.cloud.CloudProfile;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.TokenScope;
import io.github.openstackops.mcp.cloud.http.OpenStackRequestIds;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The audit trail: one JSON line for every WRITE or DESTRUCTIVE call, whatever became of it (previewed, executed,
 * cancelled, refused by the gate, rate limited, invalid, failed): when, who (JWT subject, "static-token", "stdio" or
 * "anonymous") and how they authenticated, through which surface, which tool with which arguments (secrets redacted),
 * in which cloud, project and region, the outcome, the OpenStack request ids of the calls it made, and how long it
 * took. The invoker calls this synchronously on the call's own thread before the surface answers, so the line is in
 * the log (and, with AUDIT_LOG_PATH, on disk) before the caller hears back.
 */
@Singleton
public class AuditTrail implements ToolCallObserver {

    /** The logger every audit line goes to, whether or not there is a file. */
    public static final String LOGGER = "audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudSession session;
    @Nullable
    private final AuditLog file;
    private final Clock clock;

    public AuditTrail(AuditSettings settings, CloudSession session) {
        this(settings, session, Clock.systemUTC());
    }

    AuditTrail(AuditSettings settings, CloudSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
        this.file = settings.path() == null || settings.path().isBlank() ? null
                : new AuditLog(Path.of(settings.path().trim()), settings.fsync());
        if (file != null) {
            LOG.info("audit trail: {} (and the '{}' logger)", file.path().toAbsolutePath(), LOGGER);
        }
    }

    @Override
    public void onStart(ToolDefinition<?, ?> tool, ToolContext context) {
        OpenStackRequestIds.clear();
    }

    @Override
    public void onCall(Event event) {
        if (!event.tool().safety().modifies()) {
            return;
        }
        String line;
        try {
            line = JSON.writeValueAsString(record(event));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.error("cannot write the audit line of a {} call: {}", event.tool().name(), e.toString());
            return;
        }
        AUDIT.info(line);
        if (file != null) {
            try {
                file.append(line);
            } catch (IOException e) {
                AUDIT.error("AUDIT LINE NOT WRITTEN to {}: {}", file.path(), e.toString());
            }
        }
    }

    Map<String, Object> record(Event event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now(clock).toString());
        line.put("caller", event.caller().principal());
        line.put("auth", event.caller().method().name().toLowerCase(Locale.ROOT));
        line.put("surface", event.surface().name().toLowerCase(Locale.ROOT));
        line.put("tool", event.tool().name());
        line.put("safety", event.tool().safety().name().toLowerCase(Locale.ROOT));
        line.put("outcome", event.outcome().name().toLowerCase(Locale.ROOT));
        if (event.detail() != null) {
            line.put("detail", Redaction.text(event.detail()));
        }
        line.put("arguments", Redaction.arguments(event.arguments(), argumentNames(event.tool())));
        // several clouds: a call refused for a missing or unknown cloud acted in none
        CloudProfile profile = ActingIdentity.cloud() == null && session.clouds().size() > 1 ? null : profile();
        line.put("cloud", profile == null ? null : profile.cloudName());
        line.put("project", profile == null || event.caller().credential() != null ? null
                : profile.projectName() != null ? profile.projectName() : profile.projectId());
        line.put("region", profile == null ? null : profile.region());
        // who acted in OpenStack: the server's own identity or the caller's application credential, and its user and
        // project as the cached token names them (never a request of its own)
        line.put("os_identity", event.caller().credential() == null ? "service"
                : "application_credential:" + event.caller().credential().id());
        TokenScope acted = actor();
        line.put("os_user", acted == null || acted.user() == null ? null : named(acted.user()));
        line.put("os_project", acted == null || acted.project() == null ? null : named(acted.project()));
        line.put("request_ids", OpenStackRequestIds.current());
        line.put("duration_ms", event.duration().toMillis());
        return line;
    }

    /** The names of the arguments the tool takes, from its input schema. */
    private static java.util.Set<String> argumentNames(ToolDefinition<?, ?> tool) {
        return tool.inputSchema().get("properties") instanceof Map<?, ?> properties
                ? properties.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet())
                : java.util.Set.of();
    }

    private static String named(TokenScope.Named named) {
        return named.name() != null ? named.name() : named.id();
    }

    @Nullable
    private TokenScope actor() {
        try {
            return session.cachedScope();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Nullable
    private CloudProfile profile() {
        try {
            return session.profile();
        } catch (RuntimeException e) {
            return null; // an unresolvable cloud must not fail the call, nor the audit line
        }
    }

    @PreDestroy
    void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
