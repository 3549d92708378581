package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.services.OctaviaClient;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Octavia changes are asynchronous: every change to a load balancer or anything under it puts the load balancer into
 * PENDING_* until the provider has applied it, and a second change meanwhile is refused (409, immutable). So a change
 * waits, with progress, until the load balancer is ACTIVE (or ERROR) again, unless the caller passed wait=false.
 */
@Singleton
public class LbProvisioning {

    static final Duration TIMEOUT = Duration.ofSeconds(300);
    static final String LBS = "/lbaas/loadbalancers";

    private final OctaviaClient octavia;
    private final Duration pollInterval;

    public LbProvisioning(OctaviaClient octavia, @Value("${openstack.poll-interval:1s}") Duration pollInterval) {
        this.octavia = octavia;
        this.pollInterval = pollInterval;
    }

    /** Waits until the load balancer settles (unless {@code wait} is false); fails when it went to ERROR. */
    public void settle(String lbId, boolean wait, ToolContext context) {
        if (!wait) {
            return;
        }
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> octavia.find(LBS + "/" + lbId, "loadbalancer"),
                lb -> "ACTIVE".equals(Json.text(lb, "provisioning_status")),
                lb -> "ERROR".equals(Json.text(lb, "provisioning_status")),
                lb -> "load balancer " + Json.text(lb, "provisioning_status"), TIMEOUT, pollInterval, context);
        switch (outcome.end()) {
            case REACHED, GONE -> {
            }
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Load balancer " + lbId
                    + " went to provisioning status ERROR while applying the change; loadbalancer_get shows which"
                    + " object failed. Octavia's logs (or the provider's) tell why.");
            case TIMED_OUT -> context.info("load balancer " + lbId + " still " + Json.text(outcome.last(),
                    "provisioning_status") + " after " + outcome.waited().toSeconds() + " s; the change may still"
                    + " complete");
        }
    }

    /** Waits (unless {@code wait} is false) until the resource at {@code path} is gone (404). */
    public boolean awaitGone(String path, String singular, String what, boolean wait, ToolContext context) {
        if (!wait) {
            return false;
        }
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> octavia.find(path, singular), x -> false,
                x -> "ERROR".equals(Json.text(x, "provisioning_status")),
                x -> what + " " + Json.text(x, "provisioning_status"), TIMEOUT, pollInterval, context);
        if (outcome.end() == Polling.End.FAILED) {
            throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Deleting " + what + " failed: it is in"
                    + " provisioning status ERROR.");
        }
        return outcome.end() == Polling.End.GONE;
    }

    /**
     * Refuses a change up front while the load balancer is still applying another one (Octavia would answer 409
     * "immutable"), with what to do instead.
     */
    public void requireSettled(JsonNode lb) {
        String status = Json.text(lb, "provisioning_status");
        if (status != null && status.startsWith("PENDING")) {
            throw ToolException.conflict("Load balancer " + Json.label(lb) + " is " + status + ": it is still"
                    + " applying an earlier change and refuses another one until it is ACTIVE again. Wait a few"
                    + " seconds (loadbalancer_get shows its status) and retry.");
        }
    }
}
