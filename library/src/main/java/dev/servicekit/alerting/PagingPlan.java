package dev.servicekit.alerting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How a service's symptoms page: together, so that one outage opens one incident. Every symptom is a part of
 * one composite monitor per service, {@code a || b || ((latency || burn) && !low_traffic)}, which alone pages (and
 * reminds hourly); each part notifies the chat handle with what it saw, so the incident's channel shows which
 * fired. A composite takes the most severe state of an {@code ||} and the least severe of an {@code &&}
 * (Datadog, "Composite Monitor"), and {@code !} turns an alert into OK: the ratios and percentiles page only
 * while the low-traffic condition does not alert.
 *
 * <p>Datadog's limits shape it: a composite takes at most 10 monitors and none of them may be a composite
 * (so the symptoms are plain monitors), and with {@code notify_no_data} off a composite whose result would
 * be No Data keeps its last state (so a queue idle at night, whose metrics stop, neither pages nor resolves
 * an outage). The dead-man's switch ({@link MonitorKind#SERVICE_REPORTING}) pages on its own: no data from
 * the service is an outage of the monitoring, and inside the composite it would only keep the last state.
 * A service with a single symptom and no floor pages through that symptom itself.
 *
 * @param parts   the symptoms that page through the composite, in the kinds' order
 * @param floor   the condition the floored symptoms need, when the service has it
 * @param floored the parts that page only with the floor: ratios and percentiles
 */
public record PagingPlan(List<MonitorKind> parts, Optional<MonitorKind> floor, List<MonitorKind> floored) {
    /** Datadog's limit on the monitors of one composite. */
    public static final int MAX_COMPOSITE_MONITORS = 10;

    public PagingPlan {
        parts = List.copyOf(parts);
        floored = List.copyOf(floored);
        int monitors = parts.size() + floor.map(f -> 1).orElse(0);
        if (monitors > MAX_COMPOSITE_MONITORS) {
            throw new IllegalStateException("a service's outage composite would combine " + monitors
                    + " monitors; Datadog allows " + MAX_COMPOSITE_MONITORS + ": " + parts + floor.map(f -> " + " + f)
                    .orElse(""));
        }
    }

    /** The plan for a service with the monitor kinds {@code kinds}. */
    public static PagingPlan of(Set<MonitorKind> kinds) {
        List<MonitorKind> parts = new ArrayList<>();
        Optional<MonitorKind> floor = Optional.empty();
        for (MonitorKind kind : MonitorKind.values()) {
            if (!kinds.contains(kind)) {
                continue;
            }
            if (kind.severity() == Severity.SYMPTOM && !standalone(kind)) {
                parts.add(kind);
            } else if (kind.severity() == Severity.CONDITION) {
                floor = Optional.of(kind);
            }
        }
        List<MonitorKind> floored = floor.isPresent() ? parts.stream().filter(MonitorKind::floored).toList() : List.of();
        // A floor that floors nothing is not part of the composite.
        return new PagingPlan(parts, floored.isEmpty() ? Optional.empty() : floor, floored);
    }

    /** True for a symptom that pages on its own, outside the composite: the dead-man's switch. */
    public static boolean standalone(MonitorKind kind) {
        return kind.severity() == Severity.SYMPTOM && kind.scale() == MonitorKind.Scale.NO_DATA_MINUTES;
    }

    /** True when the service pages through a composite: two monitors or more take part. */
    public boolean composite() {
        return parts.size() + floor.map(f -> 1).orElse(0) >= 2;
    }

    /** True when {@code kind}'s own alert pages: a standalone symptom, or the single part of a service without a composite. */
    public boolean pagesItself(MonitorKind kind) {
        return standalone(kind) || !composite() && parts.contains(kind);
    }

    /**
     * The composite's query: the parts joined by {@code ||}, the floored ones grouped and joined with the
     * negated low-traffic condition by {@code &&}, each as {@code ids} names it (a Terraform reference to its monitor's ID). A part {@code ids}
     * gives no ID for (null: one that exists only under a condition, which the caller joins itself) is left out.
     */
    public String query(Function<MonitorKind, String> ids) {
        List<String> terms = new ArrayList<>();
        List<String> gated = new ArrayList<>();
        for (MonitorKind part : parts) {
            if (ids.apply(part) == null) {
                if (floored.contains(part)) {
                    throw new IllegalStateException(part + " is floored and cannot be left out");
                }
            } else if (floored.contains(part)) {
                gated.add(ids.apply(part));
            } else {
                terms.add(ids.apply(part));
            }
        }
        if (!gated.isEmpty()) {
            String any = gated.size() == 1 ? gated.get(0) : "(" + String.join(" || ", gated) + ")";
            terms.add("(" + any + " && !" + ids.apply(floor.orElseThrow()) + ")");
        }
        return String.join(" || ", terms);
    }
}
