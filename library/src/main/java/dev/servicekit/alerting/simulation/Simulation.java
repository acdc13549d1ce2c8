package dev.servicekit.alerting.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays a failure against a service's monitors, minute by minute, as Datadog would evaluate them: each metric
 * monitor on the points that have arrived ({@link MetricQuery}), event monitors on the events Datadog has,
 * burn-rate alerts on their two windows, the synthetics test on its runs, and composites on their parts' states
 * (Datadog, "Composite Monitor": {@code &&} takes the least severe of alert-worthy states, {@code ||} the most
 * severe, {@code !} turns an alert-worthy state to OK and OK to Alert; a result of No Data keeps the last state
 * unless the composite notifies on no data). What it yields is every state change, and which of them page.
 */
public final class Simulation {
    /** A monitor's state; in a composite, every state but OK is alert-worthy, and this is their order of severity. */
    public enum State { OK, NO_DATA, WARN, ALERT }

    /**
     * A monitor's state changed at {@code minute}.
     *
     * @param pages    the change pages (an alert, or missing data, routed to the page handle)
     * @param notifies the change notifies the chat handle
     */
    public record Transition(String address, int minute, State state, boolean pages, boolean notifies) {}

    /** Every state change of a replay, in time order. */
    public record Outcome(List<Transition> transitions) {
        /** The changes that page, in time order. */
        public List<Transition> pages() {
            return transitions.stream().filter(Transition::pages).toList();
        }

        /** The first minute {@code address} alerted (or notified missing data), if it did. */
        public Optional<Integer> firstAlert(String address) {
            return transitions.stream().filter(t -> t.address().equals(address))
                    .filter(t -> t.state() == State.ALERT || t.notifies() || t.pages())
                    .map(Transition::minute).findFirst();
        }
    }

    private Simulation() {}

    /** Replays {@code world} from {@code from} to its horizon against {@code monitors}. */
    public static Outcome run(List<SimulatedMonitor> monitors, World world, int from) {
        Map<String, State> states = new HashMap<>();
        Map<String, Integer> noDataSince = new HashMap<>();
        Map<String, Boolean> noDataNotified = new HashMap<>();
        List<Transition> transitions = new ArrayList<>();
        for (int now = from; now <= world.horizon(); now++) {
            Map<String, State> current = new HashMap<>();
            for (SimulatedMonitor monitor : monitors) {
                if (!(monitor instanceof SimulatedMonitor.Composite)) {
                    current.put(monitor.address(), evaluate(monitor, world, now));
                }
            }
            for (SimulatedMonitor monitor : monitors) {
                if (monitor instanceof SimulatedMonitor.Composite composite) {
                    State result = new Formula(composite.formula(), current).evaluate();
                    if (result == State.NO_DATA && !composite.notifyNoData()) {
                        result = states.getOrDefault(composite.address(), State.OK);
                    }
                    current.put(composite.address(), result);
                }
            }
            for (SimulatedMonitor monitor : monitors) {
                String address = monitor.address();
                State state = current.get(address);
                State previous = states.getOrDefault(address, State.OK);
                SimulatedMonitor.Routing routing = monitor.routing();
                if (state != previous) {
                    boolean alert = state == State.ALERT;
                    boolean warn = state == State.WARN;
                    transitions.add(new Transition(address, now, state, alert && routing.pagesOnAlert(),
                            (alert || warn) && routing.notifies()));
                }
                int noDataMinutes = monitor instanceof SimulatedMonitor.Metric metric ? metric.noDataMinutes() : 0;
                if (state == State.NO_DATA) {
                    int since = noDataSince.computeIfAbsent(address, a -> 0);
                    noDataSince.put(address, since + 1);
                    if (noDataMinutes > 0 && since + 1 >= noDataMinutes && !noDataNotified.getOrDefault(address, false)) {
                        noDataNotified.put(address, true);
                        transitions.add(new Transition(address, now, State.NO_DATA, routing.pagesOnNoData(),
                                !routing.pagesOnNoData() && routing.notifies()));
                    }
                } else {
                    noDataSince.remove(address);
                    noDataNotified.remove(address);
                }
                states.put(address, state);
            }
        }
        return new Outcome(transitions);
    }

    private static State evaluate(SimulatedMonitor monitor, World world, int now) {
        if (monitor instanceof SimulatedMonitor.Metric metric) {
            double value = metric.query().value(world, now, metric.delayMinutes());
            if (Double.isNaN(value)) {
                return State.NO_DATA;
            }
            MetricQuery q = metric.query();
            boolean critical = q.above() ? value > q.threshold() : value < q.threshold();
            boolean warning = !Double.isNaN(metric.warning()) && (q.above() ? value > metric.warning()
                    : value < metric.warning());
            return critical ? State.ALERT : warning ? State.WARN : State.OK;
        }
        if (monitor instanceof SimulatedMonitor.Event event) {
            long count = world.events().stream().filter(e -> e.minute() >= now - event.windowMinutes() && e.minute() < now)
                    .filter(e -> e.arrival() <= now)
                    .filter(e -> event.phrases().stream().anyMatch(p -> e.text().contains(p))).count();
            return count > event.threshold() ? State.ALERT : State.OK;
        }
        if (monitor instanceof SimulatedMonitor.BurnRate burn) {
            double longBurn = burn(burn, world, now, burn.longMinutes());
            double shortBurn = burn(burn, world, now, burn.shortMinutes());
            return longBurn >= burn.threshold() && shortBurn >= burn.threshold() ? State.ALERT : State.OK;
        }
        if (monitor instanceof SimulatedMonitor.Synthetics test) {
            // At worst a run took place just before the failure, so a run sees the minute before it; its verdict,
            // after one retry a few seconds later, counts from the next minute. The test alerts once a location
            // has failed for minFailure minutes: its first failing run and every run since.
            int failingSince = Integer.MAX_VALUE;
            for (int run = now - 1 - Math.floorMod(now - 1, test.tickMinutes()); run >= world.history();
                 run -= test.tickMinutes()) {
                if (world.healthy().test(run - 1)) {
                    break;
                }
                failingSince = run;
            }
            boolean failing = failingSince != Integer.MAX_VALUE && now - 1 - failingSince >= test.minFailureMinutes();
            return failing && test.locations() >= test.minLocations() ? State.ALERT : State.OK;
        }
        throw new IllegalStateException("no evaluation for " + monitor);
    }

    /** The error rate over the last {@code minutes}, as a multiple of the error budget; NaN without traffic. */
    private static double burn(SimulatedMonitor.BurnRate burn, World world, int now, int minutes) {
        double good = burn.good().over(world, now, now - minutes, now);
        double total = burn.total().over(world, now, now - minutes, now);
        if (Double.isNaN(total) || total <= 0) {
            return Double.NaN;
        }
        double errorRate = 1 - (Double.isNaN(good) ? 0 : good) / total;
        return errorRate / (1 - burn.target() / 100);
    }

    /** A composite's formula over its parts' addresses: {@code !}, {@code &&}, {@code ||} and parentheses. */
    private static final class Formula {
        private final String text;
        private final Map<String, State> states;
        private int at;

        Formula(String text, Map<String, State> states) {
            this.text = text;
            this.states = states;
        }

        State evaluate() {
            State result = or();
            skip();
            if (at != text.length()) {
                throw new IllegalArgumentException("unexpected text at " + at + " in " + text);
            }
            return result;
        }

        private State or() {
            State left = and();
            while (consume("||")) {
                State right = and();
                left = worthy(left) || worthy(right) ? max(left, right) : State.OK;
            }
            return left;
        }

        private State and() {
            State left = not();
            while (consume("&&")) {
                State right = not();
                left = worthy(left) && worthy(right) ? min(left, right) : State.OK;
            }
            return left;
        }

        private State not() {
            if (consume("!")) {
                State inner = not();
                return inner == State.NO_DATA ? State.NO_DATA : worthy(inner) ? State.OK : State.ALERT;
            }
            if (consume("(")) {
                State inner = or();
                if (!consume(")")) {
                    throw new IllegalArgumentException("expected ) at " + at + " in " + text);
                }
                return inner;
            }
            skip();
            int start = at;
            while (at < text.length() && " ()!&|".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String address = text.substring(start, at);
            State state = states.get(address);
            if (state == null) {
                throw new IllegalArgumentException("the composite refers to " + address + ", which is not replayed");
            }
            return state;
        }

        private boolean consume(String token) {
            skip();
            if (text.startsWith(token, at)) {
                at += token.length();
                return true;
            }
            return false;
        }

        private void skip() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

        private static boolean worthy(State state) {
            return state != State.OK;
        }

        private static State max(State a, State b) {
            return a.ordinal() >= b.ordinal() ? a : b;
        }

        private static State min(State a, State b) {
            return a.ordinal() <= b.ordinal() ? a : b;
        }
    }
}
