package io.github.openstackops.mcp.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/**
 * Names of the servers volumes are attached to. Cinder's attachments carry only server ids; each distinct id is
 * looked up once (never once per volume or attachment) and kept for a minute, so a page of volumes attached to the
 * same few servers costs a few Nova calls. A failed lookup shows the id alone and never fails the call.
 */
@Singleton
public class ServerNames {

    private static final Logger LOG = LoggerFactory.getLogger(ServerNames.class);

    private final Cache<String, Optional<String>> names = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(20_000).build();

    /** Names for the distinct ids (a missing or deleted server maps to null). */
    public Map<String, String> of(OSClientV3 os, Collection<String> serverIds) {
        Map<String, String> out = new HashMap<>();
        for (String id : new LinkedHashSet<>(serverIds)) {
            if (id == null || id.isEmpty()) {
                continue;
            }
            out.put(id, name(os, id));
        }
        return out;
    }

    @Nullable
    private String name(OSClientV3 os, String id) {
        Optional<String> known = names.getIfPresent(id);
        if (known == null) {
            try {
                Server server = os.compute().servers().get(id);
                known = Optional.ofNullable(server).map(Server::getName);
                names.put(id, known);
            } catch (RuntimeException e) {
                LOG.debug("server {} lookup failed: {}", id, e.toString());
                return null;
            }
        }
        return known.orElse(null);
    }
}
