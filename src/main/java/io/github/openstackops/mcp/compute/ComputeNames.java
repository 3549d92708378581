package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.services.GlanceClient;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.ServerRecords.Flavor;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Names of flavors and images for servers. At Nova microversion 2.1 a server carries only their ids. Looked up once
 * per id through the right API (the image through Glance, not Nova's deprecated proxy) and cached for a few minutes;
 * a lookup failure never fails the call (the id is shown instead) and is not cached. Kept per OpenStack identity, so
 * a private flavor's or image's name never reaches a caller whose own token could not read it.
 */
@Singleton
public class ComputeNames {

    private static final Logger LOG = LoggerFactory.getLogger(ComputeNames.class);

    private final Cache<String, Optional<Flavor>> flavors = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(5_000).build();
    private final Cache<String, Optional<String>> images = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(20_000).build();
    private final NovaClient nova;
    private final GlanceClient glance;

    public ComputeNames(NovaClient nova, GlanceClient glance) {
        this.nova = nova;
        this.glance = glance;
    }

    private static String key(String id) {
        return CloudSession.identityKey() + "|" + id;
    }

    @Nullable
    public Flavor flavor(@Nullable String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        Optional<Flavor> known = flavors.getIfPresent(key(id));
        if (known == null) {
            try {
                JsonNode f = nova.find("/flavors/" + Json.segment(id), "flavor");
                known = Optional.ofNullable(f).map(x -> new Flavor(Json.text(x, "id"), Json.text(x, "name"),
                        Json.integer(x, "vcpus"), Json.integer(x, "ram"), Json.integer(x, "disk")));
                flavors.put(key(id), known);
            } catch (RuntimeException e) {
                LOG.debug("flavor {} lookup failed: {}", id, e.toString());
                return new Flavor(id, null, null, null, null);
            }
        }
        return known.orElse(new Flavor(id, null, null, null, null));
    }

    public String flavorName(@Nullable String id) {
        Flavor f = flavor(id);
        return f == null ? null : f.name() != null ? f.name() : f.id();
    }

    @Nullable
    public String imageName(@Nullable String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        Optional<String> known = images.getIfPresent(key(id));
        if (known == null) {
            try {
                known = Optional.ofNullable(glance.image(id)).map(image -> Json.text(image, "name"));
                images.put(key(id), known);
            } catch (RuntimeException e) {
                LOG.debug("image {} lookup failed: {}", id, e.toString());
                return null;
            }
        }
        return known.orElse(null);
    }
}
