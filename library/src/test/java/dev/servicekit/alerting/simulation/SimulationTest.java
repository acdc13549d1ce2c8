package dev.servicekit.alerting.simulation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replay evaluates queries and composites as Datadog's documentation's own examples say. */
class SimulationTest {
    private static final int START = -10;

    /** A world where the queue's metrics are {@code values} from minute 0, each visible a minute after it. */
    private static World world(Map<String, double[]> queue, Map<String, double[]> deadLetters) {
        Map<World.Key, Series> series = new java.util.HashMap<>();
        queue.forEach((metric, values) -> series.put(new World.Key(World.Subject.QUEUE, metric), series(values)));
        deadLetters.forEach((metric, values) -> series.put(new World.Key(World.Subject.DEAD_LETTER_QUEUE, metric),
                series(values)));
        return new World(series, List.of(), m -> true, 30, START);
    }

    private static Series series(double[] values) {
        double[] all = new double[values.length - START];
        int[] arrival = new int[all.length];
        java.util.Arrays.fill(all, Double.NaN);
        for (int i = 0; i < all.length; i++) {
            arrival[i] = START + i + 1;
        }
        System.arraycopy(values, 0, all, -START, values.length);
        return Series.of(START, all, arrival);
    }

    /** "as_count() in Monitor Evaluations": sum each side first (0.6), or divide point by point and sum (3). */
    @Test
    void asCountAggregatesEachMetricBeforeTheArithmeticAndTheClassicPathAfter() {
        World world = world(Map.of("errors", new double[] {1, 2, 3, 4, 5}, "total", new double[] {5, 5, 5, 5, 5}), Map.of());
        String errors = "sum:errors{queuename:q}";
        String total = "sum:total{queuename:q}";
        assertThat(MetricQuery.parse("sum(last_5m):" + errors + ".as_count() / " + total + ".as_count() > 1")
                .value(world, 10, 5)).isEqualTo(0.6);
        assertThat(MetricQuery.parse("sum(last_5m):" + errors + " / " + total + " > 1").value(world, 10, 5))
                .isEqualTo(3.0);
    }

    /** "default_zero() has no effect when the evaluation window contains no points"; otherwise gaps are 0. */
    @Test
    void defaultZeroFillsGapsButNotAnEmptyWindow() {
        World world = world(Map.of(), Map.of("visible", new double[] {Double.NaN, Double.NaN, 4, Double.NaN, 6}));
        MetricQuery min = MetricQuery.parse("min(last_5m):default_zero(max:visible{queuename:q-dlq}) > 1");
        assertThat(min.value(world, 10, 5)).isZero();
        assertThat(min.value(world, 5, 5)).as("an empty window stays empty: No Data").isNaN();
        assertThat(MetricQuery.parse("sum(last_5m):monotonic_diff(default_zero(max:visible{queuename:q-dlq})) > 1")
                .value(world, 10, 5)).as("increases only: 4 then 6").isEqualTo(10.0);
    }

    /** With an evaluation delay, a window ends that long ago, and points not yet arrived do not count. */
    @Test
    void theWindowEndsAtTheDelayAndHoldsOnlyWhatArrived() {
        World world = world(Map.of("age", new double[] {100, 200, 300, 400, 500, 600}), Map.of());
        MetricQuery max = MetricQuery.parse("max(last_2m):max:age{queuename:q} > 1");
        assertThat(max.value(world, 6, 2)).as("minutes 2 and 3").isEqualTo(400);
        assertThat(max.value(world, 4, 0)).as("minute 3's point arrives at 4; minute 4's not yet").isEqualTo(400);
        assertThat(MetricQuery.parse("change(avg(last_2m),last_2m):max:age{queuename:q} > 1").value(world, 6, 0))
                .as("minutes 4-5 against 2-3").isEqualTo(200);
    }

    @Test
    void aFormOutsideTheModelIsRefusedRatherThanReplayedWrongly() {
        assertThatThrownBy(() -> MetricQuery.parse("avg(last_5m):anomalies(avg:x{queuename:q}, 'basic', 2) > 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricQuery.parse("avg(last_5m):sum:x{queuename:q}.as_count() > 1"))
                .hasMessageContaining("as_count() with another aggregation than sum");
    }

    /** The composite monitor page's table: && takes the least severe, || the most, No Data keeps the last state. */
    @Test
    void compositesFollowDatadogsTable() {
        World world = world(Map.of("a", new double[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, "b", new double[] {1, 1, 1, 1, 1,
                1, 1, 1, 1, 1}), Map.of());
        SimulatedMonitor.Routing silent = SimulatedMonitor.Routing.SILENT;
        SimulatedMonitor alert = new SimulatedMonitor.Metric("alert", MetricQuery.parse("max(last_1m):max:a{queuename:q} > 4"),
                Double.NaN, 0, 0, silent);
        SimulatedMonitor warn = new SimulatedMonitor.Metric("warn", MetricQuery.parse("max(last_1m):max:a{queuename:q} > 9"),
                4, 0, 0, silent);
        SimulatedMonitor ok = new SimulatedMonitor.Metric("ok", MetricQuery.parse("max(last_1m):max:b{queuename:q} > 4"),
                Double.NaN, 0, 0, silent);
        SimulatedMonitor noData = new SimulatedMonitor.Metric("none", MetricQuery.parse("max(last_1m):max:c{queuename:q} > 4"),
                Double.NaN, 0, 0, silent);
        SimulatedMonitor.Routing pages = new SimulatedMonitor.Routing(true, false, false);
        Map<String, Simulation.State> expected = Map.of(
                "alert && warn", Simulation.State.WARN,
                "alert || warn", Simulation.State.ALERT,
                "alert && ok", Simulation.State.OK,
                "alert || ok", Simulation.State.ALERT,
                "none || warn", Simulation.State.WARN,
                "none && ok", Simulation.State.OK,
                "none || ok", Simulation.State.OK,
                "alert && !ok", Simulation.State.ALERT,
                "alert && !warn", Simulation.State.OK);
        expected.forEach((formula, state) -> {
            SimulatedMonitor composite = new SimulatedMonitor.Composite("c", formula, false, pages);
            Simulation.Outcome outcome = Simulation.run(List.of(alert, warn, ok, noData, composite), world, 2);
            Simulation.State last = outcome.transitions().stream().filter(t -> t.address().equals("c"))
                    .map(Simulation.Transition::state).reduce((a, b) -> b).orElse(Simulation.State.OK);
            assertThat(last).as(formula).isEqualTo(state);
        });
    }

    /** A burn-rate alert needs both windows at the threshold; without traffic it cannot. */
    @Test
    void aBurnRateAlertNeedsBothWindowsBurning() {
        double[] total = new double[30];
        double[] good = new double[30];
        java.util.Arrays.fill(total, 100);
        java.util.Arrays.fill(good, 100);
        for (int m = 20; m < 30; m++) {
            good[m] = 90;
        }
        World world = world(Map.of("total", total, "good", good), Map.of());
        SimulatedMonitor burn = new SimulatedMonitor.BurnRate("burn",
                MetricQuery.parse("sum(last_20m):sum:good{queuename:q}.as_count() > 0"),
                MetricQuery.parse("sum(last_20m):sum:total{queuename:q}.as_count() > 0"), 99, 20, 5, 9,
                new SimulatedMonitor.Routing(true, false, false));
        Simulation.Outcome outcome = Simulation.run(List.of(burn), world, 0);
        // 10 % errors burn a 1 % budget 10 times over: the short window gets there at once, the 20-minute window
        // only to 5x with 10 of its minutes failing.
        assertThat(outcome.firstAlert("burn")).isEmpty();
        SimulatedMonitor shorter = new SimulatedMonitor.BurnRate("burn",
                MetricQuery.parse("sum(last_10m):sum:good{queuename:q}.as_count() > 0"),
                MetricQuery.parse("sum(last_10m):sum:total{queuename:q}.as_count() > 0"), 99, 10, 5, 8.5,
                new SimulatedMonitor.Routing(true, false, false));
        // At minute 29 the 10-minute window holds minutes 19-28, 9 of them failing: 9x.
        assertThat(Simulation.run(List.of(shorter), world, 0).firstAlert("burn")).contains(29);
    }
}
