package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.ServerInfo;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: open to everyone (load balancers, orchestrators, the REST contract). {@code status} is "ok"
 * while the server serves; {@code cloud.reachable} says whether Keystone accepts connections (checked at most every
 * few seconds, without authenticating), so a cloud outage does not take every replica out of a load balancer. It
 * reveals nothing else.
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
public class HealthController {

    private final CloudProbe probe;

    public HealthController(CloudProbe probe) {
        this.probe = probe;
    }

    @Get
    public Mono<Map<String, Object>> health() {
        return probe.reachability().map(r -> {
            Map<String, Object> cloud = new LinkedHashMap<>();
            cloud.put("reachable", r.reachable());
            cloud.put("detail", r.detail());
            cloud.put("checked_at", r.checkedAt().toString());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("version", ServerInfo.VERSION);
            body.put("cloud", cloud);
            return body;
        });
    }
}
