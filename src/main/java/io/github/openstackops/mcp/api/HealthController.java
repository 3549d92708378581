package io.github.openstackops.mcp.api;

import io.github.openstackops.mcp.ServerInfo;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: open to everyone (load balancers, orchestrators), reveals nothing but liveness and version. */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
public class HealthController {

    @Get
    public Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", ServerInfo.VERSION);
        return body;
    }
}
