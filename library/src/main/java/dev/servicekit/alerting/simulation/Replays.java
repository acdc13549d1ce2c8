package dev.servicekit.alerting.simulation;

import dev.servicekit.alerting.Scenario;
import dev.servicekit.alerting.ServiceShape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every failure replayed against a service's monitors under every {@link ScenarioSeries.Timing}, summed up as
 * what a person on call would see at worst: when the first page comes, how many pages, and which monitors fire.
 */
public final class Replays {
    /** Minutes replayed before the failure, so that every monitor has settled. */
    static final int SETTLE = -120;

    /**
     * A service to replay: its monitors and what it is.
     *
     * @param name         e.g. {@code auth}
     * @param web          it serves requests behind a load balancer
     * @param desiredTasks how many tasks it runs
     */
    public record Subject(String name, boolean web, int desiredTasks, List<SimulatedMonitor> monitors) {
        public Subject {
            monitors = List.copyOf(monitors);
        }

        public ServiceShape shape() {
            return web ? ServiceShape.BARE.withLoadBalancer(true) : ServiceShape.BARE.withQueue();
        }
    }

    /**
     * One failure of one service, at worst over every timing.
     *
     * @param firstPage     the latest minute, over the timings, of the first page; empty when none pages
     * @param fewestPages   the fewest pages of any timing
     * @param mostPages     the most pages of any timing
     * @param firings       each monitor that notifies or pages and fired (alerted, or notified missing data) in
     *                      every timing, with its latest first minute, in order of that minute
     * @param pagedThrough  the monitors that paged
     * @param earlyAlerts   monitors that alerted before the failure began: false alarms
     */
    public record Result(Scenario scenario, String service, Optional<Integer> firstPage, int fewestPages,
                         int mostPages, Map<String, Integer> firings, List<String> pagedThrough,
                         List<String> earlyAlerts) {}

    private Replays() {}

    /** Every scenario that applies to {@code subject}, replayed under every timing. */
    public static List<Result> of(Subject subject) {
        List<Result> results = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            if (scenario.appliesTo(subject.shape())) {
                results.add(replay(subject, scenario));
            }
        }
        return results;
    }

    /** {@code scenario} replayed under every timing. */
    public static Result replay(Subject subject, Scenario scenario) {
        Optional<Integer> firstPage = Optional.empty();
        boolean pagedEveryTime = true;
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        Map<String, Integer> firings = null;
        List<String> pagedThrough = new ArrayList<>();
        List<String> early = new ArrayList<>();
        java.util.Set<String> heard = new java.util.HashSet<>();
        subject.monitors().stream().filter(m -> m.routing().notifies() || m.routing().pagesOnAlert()
                || m.routing().pagesOnNoData()).forEach(m -> heard.add(m.address()));
        for (ScenarioSeries.Timing timing : ScenarioSeries.Timing.all()) {
            World world = ScenarioSeries.world(scenario, subject.web(), subject.desiredTasks(), timing);
            Simulation.Outcome outcome = Simulation.run(subject.monitors(), world, SETTLE);
            List<Simulation.Transition> pages = outcome.pages().stream().filter(t -> t.minute() >= 0).toList();
            fewest = Math.min(fewest, pages.size());
            most = Math.max(most, pages.size());
            if (pages.isEmpty()) {
                pagedEveryTime = false;
            } else {
                int minute = pages.get(0).minute();
                firstPage = Optional.of(Math.max(minute, firstPage.orElse(minute)));
                pages.stream().map(Simulation.Transition::address).filter(a -> !pagedThrough.contains(a))
                        .forEach(pagedThrough::add);
            }
            outcome.transitions().stream().filter(t -> t.minute() < 0 && t.minute() > SETTLE + 60)
                    .filter(t -> heard.contains(t.address()))
                    .filter(t -> t.state() == Simulation.State.ALERT || t.pages())
                    .map(Simulation.Transition::address).filter(a -> !early.contains(a)).forEach(early::add);
            Map<String, Integer> fired = new TreeMap<>();
            for (Simulation.Transition t : outcome.transitions()) {
                boolean firing = t.state() == Simulation.State.ALERT || t.pages() || t.notifies() && t.state()
                        == Simulation.State.NO_DATA;
                if (t.minute() >= 0 && firing && heard.contains(t.address())) {
                    fired.putIfAbsent(t.address(), t.minute());
                }
            }
            if (firings == null) {
                firings = fired;
            } else {
                Map<String, Integer> both = new TreeMap<>();
                for (Map.Entry<String, Integer> entry : firings.entrySet()) {
                    Integer other = fired.get(entry.getKey());
                    if (other != null) {
                        both.put(entry.getKey(), Math.max(entry.getValue(), other));
                    }
                }
                firings = both;
            }
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        firings.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new Result(scenario, subject.name(), pagedEveryTime ? firstPage : Optional.empty(), fewest, most,
                ordered, pagedThrough, early);
    }
}
