package io.github.openstackops.mcp.prompts;

import io.github.openstackops.mcp.prompts.Runbook.Argument;
import io.github.openstackops.mcp.prompts.Runbook.Completion;
import io.github.openstackops.mcp.prompts.Runbook.Step;

import java.util.List;

/** The runbooks this server offers as prompts. */
public final class Runbooks {

    private Runbooks() {
    }

    static final Argument PROJECT = new Argument("project",
            "Project name or id to look at (default: the server's project)", false, Completion.PROJECT);

    public static final List<Runbook> ALL = List.of(
            new Runbook("cluster_health_review", "Cluster health review",
                    "Check that every OpenStack service, agent and hypervisor is up and find what is degraded",
                    List.of(),
                    "Review the health of this OpenStack cloud and find anything degraded.",
                    List.of(new Step(List.of("cluster_status"), "Call cluster_status for the overall picture."),
                            new Step(List.of("service_status"), "Call service_status to see which API services answer."),
                            new Step(List.of("compute_service_list"),
                                    "Call compute_service_list: note every nova service that is down or disabled."),
                            new Step(List.of("network_agent_list"),
                                    "Call network_agent_list: note every Neutron agent that is not alive."),
                            new Step(List.of("volume_service_list"),
                                    "Call volume_service_list: note every Cinder service that is down."),
                            new Step(List.of("hypervisor_stats"), "Call hypervisor_stats for the load of the hypervisors."),
                            new Step(List.of("server_list"),
                                    "Call server_list with status ERROR to find servers in error.")),
                    "a short verdict (healthy / degraded / down), then each problem with the component, what is"
                            + " wrong, since when if known, and the next thing to check. Do not change anything."),
            new Runbook("investigate_server", "Investigate a server",
                    "Find out why a server misbehaves: state, faults, recent actions, console, network and volumes",
                    List.of(new Argument("server", "Server name or id", true, Completion.SERVER)),
                    "Investigate the server '{server}' and explain its state.",
                    List.of(new Step(List.of("server_get"),
                                    "Call server_get for '{server}': status, task state, fault, flavor, image, host."),
                            new Step(List.of("server_action_list"),
                                    "Call server_action_list for '{server}': what was done to it recently, by whom,"
                                            + " and which action failed."),
                            new Step(List.of("server_console_log"),
                                    "Call server_console_log for '{server}' (the last lines) to see boot or kernel errors."),
                            new Step(List.of("server_interface_list"),
                                    "Call server_interface_list for '{server}': ports, addresses, their status."),
                            new Step(List.of("server_volume_list"),
                                    "Call server_volume_list for '{server}': attached volumes."),
                            new Step(List.of("security_group_get"),
                                    "For each security group of the server, call security_group_get to see what"
                                            + " traffic it admits.")),
                    "the server's state in one sentence, the most likely cause of the problem with the evidence"
                            + " (quote the fault or log line), and the fix you suggest. Do not change anything"
                            + " without asking."),
            new Runbook("capacity_report", "Capacity report",
                    "How much compute, storage and network capacity is used and left, against quotas and hypervisors",
                    List.of(PROJECT),
                    "Write a capacity report for the project '{project}'.",
                    List.of(new Step(List.of("compute_limits"),
                                    "Call compute_limits: instances, cores and RAM used against the quota."),
                            new Step(List.of("quota_get"), "Call quota_get for '{project}' for every quota."),
                            new Step(List.of("volume_quota_get"),
                                    "Call volume_quota_get for '{project}': volumes, snapshots, gigabytes used."),
                            new Step(List.of("network_quota_get"),
                                    "Call network_quota_get for '{project}': networks, ports, floating IPs used."),
                            new Step(List.of("hypervisor_stats"),
                                    "Call hypervisor_stats (admin) for the cloud's free vCPUs, RAM and disk."),
                            new Step(List.of("network_ip_availability"),
                                    "Call network_ip_availability to find networks running out of addresses.")),
                    "a table of resource, used, limit and percentage; then what will run out first and what to"
                            + " raise or free. Say which figures you could not get."),
            new Runbook("security_group_exposure_audit", "Security group exposure audit",
                    "Which servers are reachable from the Internet, on which ports, through which rules",
                    List.of(PROJECT),
                    "Audit what the security groups of the project '{project}' expose to the world.",
                    List.of(new Step(List.of("security_group_list"), "Call security_group_list."),
                            new Step(List.of("security_group_get"),
                                    "Call security_group_get for each group: find ingress rules open to 0.0.0.0/0 or"
                                            + " ::/0, all ports, or all protocols."),
                            new Step(List.of("server_list"),
                                    "Call server_list to see which servers use those groups."),
                            new Step(List.of("floating_ip_list"),
                                    "Call floating_ip_list: a world-open rule matters most on a server with a"
                                            + " floating IP.")),
                    "each exposed server with its floating IP, the port and protocol, the rule and group that"
                            + " opens it; rank by risk (SSH, RDP and databases first) and suggest a narrower rule."
                            + " Do not change any rule."),
            new Runbook("project_cleanup_review", "Project clean-up review",
                    "What in a project is unused or forgotten and what it costs: stopped servers, loose volumes,"
                            + " idle floating IPs, old snapshots",
                    List.of(PROJECT),
                    "Review the project '{project}' for resources that are unused and could be removed.",
                    List.of(new Step(List.of("server_list"),
                                    "Call server_list: servers SHUTOFF, SHELVED or in ERROR, and when they were"
                                            + " created."),
                            new Step(List.of("volume_list"),
                                    "Call volume_list: volumes with status available (attached to nothing)."),
                            new Step(List.of("volume_snapshot_list"),
                                    "Call volume_snapshot_list: old snapshots, and snapshots of deleted volumes."),
                            new Step(List.of("floating_ip_list"),
                                    "Call floating_ip_list: floating IPs not associated with any port."),
                            new Step(List.of("image_list"), "Call image_list: private images nothing seems to use."),
                            new Step(List.of("stack_list"), "Call stack_list: stacks that failed or are abandoned.")),
                    "a list grouped by kind with name, id, age and what it holds (size, flavor), the capacity it"
                            + " ties up, and a recommendation (keep, ask the owner, delete). Delete nothing:"
                            + " deletion needs the operator's confirmation."));
}
