package io.github.openstackops.mcp.compute;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.openstackops.mcp.compute.ServerRecords.Flavor;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.OSClient.OSClientV3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Names of flavors and images for servers. At Nova microversion 2.1 a server carries only their ids, and
 * openstack4j's {@code Server.getFlavor()}/{@code getImage()} would fetch them one server at a time (and the image
 * through Nova's deprecated proxy). Looked up once per id through the right API and cached for a few minutes; a
 * lookup failure never fails the call (the id is shown instead) and is not cached.
 */
@Singleton
public class ComputeNames {

    private static final Logger LOG = LoggerFactory.getLogger(ComputeNames.class);

    private final Cache<String, Optional<Flavor>> flavors = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(5_000).build();
    private final Cache<String, Optional<String>> images = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(20_000).build();

    @Nullable
    public Flavor flavor(OSClientV3 os, @Nullable String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        Optional<Flavor> known = flavors.getIfPresent(id);
        if (known == null) {
            try {
                org.openstack4j.model.compute.Flavor f = os.compute().flavors().get(id);
                known = Optional.ofNullable(f).map(x -> new Flavor(x.getId(), x.getName(), x.getVcpus(), x.getRam(), x.getDisk()));
                flavors.put(id, known);
            } catch (RuntimeException e) {
                LOG.debug("flavor {} lookup failed: {}", id, e.toString());
                return new Flavor(id, null, null, null, null);
            }
        }
        return known.orElse(new Flavor(id, null, null, null, null));
    }

    public String flavorName(OSClientV3 os, @Nullable String id) {
        Flavor f = flavor(os, id);
        return f == null ? null : f.name() != null ? f.name() : f.id();
    }

    @Nullable
    public String imageName(OSClientV3 os, @Nullable String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        Optional<String> known = images.getIfPresent(id);
        if (known == null) {
            try {
                org.openstack4j.model.image.v2.Image image = os.imagesV2().get(id);
                known = Optional.ofNullable(image).map(org.openstack4j.model.image.v2.Image::getName);
                images.put(id, known);
            } catch (RuntimeException e) {
                LOG.debug("image {} lookup failed: {}", id, e.toString());
                return null;
            }
        }
        return known.orElse(null);
    }
}
