package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.schema.Verbatim;

/** Nova server statuses, as the API and the openstack CLI spell them. */
@Verbatim
public enum ServerStatus {
    ACTIVE, BUILD, DELETED, ERROR, HARD_REBOOT, MIGRATING, PASSWORD, PAUSED, REBOOT, REBUILD, RESCUE, RESIZE,
    REVERT_RESIZE, SHELVED, SHELVED_OFFLOADED, SHUTOFF, SOFT_DELETED, SUSPENDED, UNKNOWN, VERIFY_RESIZE
}
