package io.github.openstackops.mcp.cluster;

import io.github.openstackops.mcp.cluster.ClusterRecords.ComputeStatus;
import io.github.openstackops.mcp.cluster.ClusterRecords.ExternalNetwork;
import io.github.openstackops.mcp.cluster.ClusterRecords.Issue;
import io.github.openstackops.mcp.cluster.ClusterRecords.LoadBalancingStatus;
import io.github.openstackops.mcp.cluster.ClusterRecords.NetworkStatus;
import io.github.openstackops.mcp.cluster.ClusterRecords.PartFailure;
import io.github.openstackops.mcp.cluster.ClusterRecords.ServiceState;
import io.github.openstackops.mcp.cluster.ClusterRecords.StorageStatus;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns what cluster_status found into named issues and a score. Each issue costs points, capped per kind so that one
 * kind cannot hide the others; 100 means nothing was found wrong:
 * <ul>
 * <li>a service that could not be read at all: 25; one part of it: 10 (a part refused for lack of a role: 0);</li>
 * <li>a Nova or Cinder service down: 10 for compute/volume hosts, 15 for control services (at most 45);</li>
 * <li>a hypervisor down whose service state is unknown: 10;</li>
 * <li>servers in ERROR, volumes in an error state: 2 each (at most 15 per kind);</li>
 * <li>RAM or disk allocation at 90%+: 10 (80%+: 5); an external network's addresses at 90%+: 5 (full: 10);</li>
 * <li>dead Neutron agents: 5 each (at most 20);</li>
 * <li>degraded load balancers (DEGRADED, ERROR, provisioning ERROR): 3 each (at most 15).</li>
 * </ul>
 */
record ClusterHealth(int score, String label, List<Issue> issues) {

    static final String CRITICAL = "critical";
    static final String WARNING = "warning";
    static final String INFO = "info";

    private static final class Tally {
        final List<Issue> issues = new ArrayList<>();
        int penalty;

        void add(String severity, String service, String message, int points) {
            issues.add(new Issue(severity, service, message));
            penalty += points;
        }
    }

    static ClusterHealth assess(ComputeStatus compute, List<String> hypervisorsDown, NetworkStatus network,
                                StorageStatus storage, LoadBalancingStatus loadBalancing, List<PartFailure> failures,
                                Map<String, Parallel.Outcome<Object>> outcomes) {
        Tally t = new Tally();
        failuresOf(t, failures, outcomes, Map.of(ClusterService.COMPUTE, compute.state(),
                ClusterService.NETWORK, network.state(), ClusterService.VOLUME, storage.state(),
                ClusterService.LOADBALANCER, loadBalancing.state()));

        services(t, ClusterService.COMPUTE, compute.services(), "nova-compute");
        if (compute.services() == null) {
            hypervisorsDown.forEach(h -> t.add(CRITICAL, ClusterService.COMPUTE, "hypervisor " + h + " is down", 10));
        } else if (!hypervisorsDown.isEmpty()) {
            t.issues.add(new Issue(WARNING, ClusterService.COMPUTE, hypervisorsDown.size() + " hypervisor"
                    + (hypervisorsDown.size() == 1 ? " is" : "s are") + " down: " + String.join(", ", hypervisorsDown)));
        }
        if (compute.servers() != null) {
            int error = compute.servers().error();
            if (error > 0) {
                t.add(WARNING, ClusterService.COMPUTE, (compute.servers().partial() && error >= ClusterService.ERROR_SCAN ? "at least " : "")
                        + error + " server" + (error == 1 ? "" : "s") + " in ERROR", Math.min(15, 2 * error));
            }
            if (compute.servers().partial()) {
                t.issues.add(new Issue(INFO, ClusterService.COMPUTE, "Servers were counted up to the scan limit ("
                        + compute.servers().counted() + "); the counts by status and zone are partial."));
            }
        }
        if (compute.hypervisors() != null) {
            capacity(t, "RAM", compute.hypervisors().ramUsedPercent());
            capacity(t, "local disk", compute.hypervisors().diskUsedPercent());
        }

        if (network.externalNetworks() != null) {
            for (ExternalNetwork n : network.externalNetworks()) {
                Double pct = n.ipsUsedPercent();
                if (pct != null && pct >= 90) {
                    t.add(pct >= 100 ? CRITICAL : WARNING, ClusterService.NETWORK, "external network "
                            + (n.name() == null ? n.id() : n.name()) + " has " + pct + "% of its addresses in use ("
                            + n.ipsUsed() + " of " + n.ipsTotal() + ")", pct >= 100 ? 10 : 5);
                }
            }
        }
        if (network.agents() != null && network.agents().dead() > 0) {
            int dead = network.agents().dead();
            t.add(WARNING, ClusterService.NETWORK, dead + " Neutron agent" + (dead == 1 ? " is" : "s are")
                    + " not reporting (dead)", Math.min(20, 5 * dead));
        }

        services(t, ClusterService.VOLUME, storage.services(), "cinder-volume");
        if (storage.volumes() != null) {
            int errors = storage.volumes().byStatus().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("error")).mapToInt(Map.Entry::getValue).sum();
            if (errors > 0) {
                t.add(WARNING, ClusterService.VOLUME, errors + " volume" + (errors == 1 ? "" : "s")
                        + " in an error state", Math.min(15, 2 * errors));
            }
            if (storage.volumes().partial()) {
                t.issues.add(new Issue(INFO, ClusterService.VOLUME, "Volumes were counted up to the scan limit ("
                        + storage.volumes().counted() + (storage.volumes().total() == null ? ""
                        : " of " + storage.volumes().total()) + "); the counts by status are partial."));
            }
        }

        if (loadBalancing.loadBalancers() != null) {
            List<String> degraded = loadBalancing.loadBalancers().degraded();
            if (!degraded.isEmpty()) {
                t.add(WARNING, ClusterService.LOADBALANCER, degraded.size() + " load balancer"
                        + (degraded.size() == 1 ? " is" : "s are") + " degraded: " + String.join("; ", degraded),
                        Math.min(15, 3 * degraded.size()));
            }
        }

        int score = Math.max(0, 100 - t.penalty);
        List<Issue> sorted = t.issues.stream().sorted(Comparator.comparingInt(i -> rank(i.severity()))).toList();
        return new ClusterHealth(score, score >= 90 ? "healthy" : score >= 60 ? "degraded" : "critical", sorted);
    }

    private static void failuresOf(Tally t, List<PartFailure> failures, Map<String, Parallel.Outcome<Object>> outcomes,
                                   Map<String, String> states) {
        for (String service : List.of(ClusterService.COMPUTE, ClusterService.NETWORK, ClusterService.VOLUME,
                ClusterService.LOADBALANCER)) {
            List<PartFailure> mine = failures.stream().filter(f -> f.service().equals(service)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            boolean allForbidden = mine.stream().allMatch(f -> forbidden(outcomes, f));
            if ("failed".equals(states.get(service)) && !allForbidden) {
                t.add(CRITICAL, service, label(service) + " could not be read: " + mine.get(0).reason(), 25);
                continue;
            }
            for (PartFailure f : mine) {
                if (forbidden(outcomes, f)) {
                    t.issues.add(new Issue(INFO, service, label(service) + " " + f.part().replace('_', ' ')
                            + " not shown: " + f.reason()));
                } else {
                    t.add(WARNING, service, label(service) + " " + f.part().replace('_', ' ')
                            + " could not be read: " + f.reason(), 10);
                }
            }
        }
    }

    private static boolean forbidden(Map<String, Parallel.Outcome<Object>> outcomes, PartFailure f) {
        Parallel.Outcome<Object> o = outcomes.get(f.service() + "/" + f.part());
        return o != null && o.forbidden();
    }

    private static void services(Tally t, String service, @Nullable List<ServiceState> states, String hostBinary) {
        if (states == null) {
            return;
        }
        int points = 0;
        for (ServiceState s : states) {
            boolean disabled = "disabled".equals(s.status());
            if (!"up".equals(s.state()) && !disabled) {
                int cost = hostBinary.equals(s.binary()) ? 10 : 15;
                int charged = Math.min(cost, 45 - points);
                points += charged;
                t.add(CRITICAL, service, service + " service " + s.binary() + " on " + s.host() + " is down", charged);
            } else if (disabled) {
                t.issues.add(new Issue(INFO, service, service + " service " + s.binary() + " on " + s.host()
                        + " is disabled" + (s.disabledReason() == null ? "" : " (" + s.disabledReason() + ")")
                        + ("up".equals(s.state()) ? "" : " and down")));
            }
        }
    }

    private static void capacity(Tally t, String what, @Nullable Double pct) {
        if (pct == null) {
            return;
        }
        if (pct >= 90) {
            t.add(CRITICAL, ClusterService.COMPUTE, what + " of the hypervisors is " + pct + "% allocated", 10);
        } else if (pct >= 80) {
            t.add(WARNING, ClusterService.COMPUTE, what + " of the hypervisors is " + pct + "% allocated", 5);
        }
    }

    private static String label(String service) {
        return switch (service) {
            case ClusterService.COMPUTE -> "Nova (compute)";
            case ClusterService.NETWORK -> "Neutron (network)";
            case ClusterService.LOADBALANCER -> "Octavia (load-balancer)";
            default -> "Cinder (volume)";
        };
    }

    private static int rank(String severity) {
        return switch (severity) {
            case CRITICAL -> 0;
            case WARNING -> 1;
            default -> 2;
        };
    }
}
