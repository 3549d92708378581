package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.cloud.Lookup;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.network.Network;
import org.openstack4j.model.storage.block.Volume;

import java.util.Map;

/**
 * Images, networks and volumes the way server tools are given them: by id, or by exact unique name. Flavors are
 * resolved by {@link FlavorService#get} (the same rules as flavor_get: any id, private flavors included).
 */
final class ComputeLookups {

    private ComputeLookups() {
    }

    static Image image(OSClientV3 os, String ref) {
        return Lookup.byIdOrName("Image", ref, id -> os.imagesV2().get(id),
                name -> os.imagesV2().list(Map.of("name", name)), Image::getName, Image::getId);
    }

    static Network network(OSClientV3 os, String ref) {
        return Lookup.byIdOrName("Network", ref, id -> os.networking().network().get(id),
                name -> os.networking().network().list(Map.of("name", name)), Network::getName, Network::getId);
    }

    static Volume volume(OSClientV3 os, String ref) {
        return Lookup.byIdOrName("Volume", ref, id -> os.blockStorage().volumes().get(id),
                name -> os.blockStorage().volumes().list(Map.of("name", name)), Volume::getName, Volume::getId);
    }
}
