package dev.servicekit.catalog;

import java.util.List;

/**
 * What a service's tasks may do and reach beyond what servicekit gives them, and who may reach them. A line's
 * {@link Service#taskPolicy}, {@link Service#ingress} and {@link Service#egress}, each empty by default.
 *
 * @param taskPolicies extra permissions of the task role
 * @param ingress      extra rules admitting traffic to the tasks
 * @param egress       extra rules letting the tasks reach out
 */
public record Access(List<IamStatement> taskPolicies, List<NetworkRule> ingress, List<NetworkRule> egress) {
    public Access {
        taskPolicies = List.copyOf(taskPolicies);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }
}
