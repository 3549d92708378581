package io.github.openstackops.mcp.loadbalancer;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** L7 policies and rules: what a listener routes where, compactly. */
public final class L7Records {

    private L7Records() {
    }

    @Doc("An L7 policy: requests matching all its rules are redirected or rejected")
    public record L7Policy(
            @Doc("Policy id") String id,
            @Doc("Name") String name,
            @Doc("Listener id") String listenerId,
            @Doc("REDIRECT_TO_POOL, REDIRECT_TO_URL, REDIRECT_PREFIX or REJECT") String action,
            @Doc("Evaluation order on the listener, from 1") int position,
            @Nullable @Doc("Pool it redirects to") String redirectPoolId,
            @Nullable @Doc("URL it redirects to") String redirectUrl,
            @Nullable @Doc("URL prefix it redirects to") String redirectPrefix,
            @Nullable @Doc("HTTP status code of redirects") Integer redirectHttpCode,
            @Doc("Number of its rules") int ruleCount,
            @Doc("Its rules (lb_l7policy_get; empty in lists)") List<L7Rule> rules,
            @Doc("Administratively up") boolean adminStateUp,
            @Doc("Provisioning status") String provisioningStatus,
            @Nullable @Doc("Operating status") String operatingStatus) {
    }

    @Doc("One page of L7 policies")
    public record L7PolicyPage(
            @Doc("Policies on this page") List<L7Policy> policies,
            @Doc("Number on this page") int count,
            @Nullable @Doc("Pass as 'marker' to get the next page; absent on the last page") String nextMarker) {
    }

    @Doc("An L7 rule: one condition of a policy")
    public record L7Rule(
            @Doc("Rule id") String id,
            @Doc("HOST_NAME, PATH, FILE_TYPE, HEADER, COOKIE or SSL_*") String type,
            @Doc("REGEX, STARTS_WITH, ENDS_WITH, CONTAINS or EQUAL_TO") String compareType,
            @Nullable @Doc("Header or cookie name (HEADER, COOKIE)") String key,
            @Doc("Value compared") String value,
            @Doc("Matches when the comparison fails") boolean invert,
            @Doc("Provisioning status") String provisioningStatus) {
    }

    @Doc("The rules of an L7 policy")
    public record L7RulePage(
            @Doc("Policy id") String policyId,
            @Doc("Rules on this page") List<L7Rule> rules,
            @Doc("Number on this page") int count,
            @Nullable @Doc("Pass as 'marker' to get the next page; absent on the last page") String nextMarker) {
    }
}
