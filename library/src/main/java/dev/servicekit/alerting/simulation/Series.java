package dev.servicekit.alerting.simulation;

import java.util.Arrays;

/**
 * One metric's points, one a minute (NaN where the source reports none), and when each reaches Datadog. Points
 * arrive in order: at any time the visible ones are those before some minute, so a window's visible part is
 * a range and its sum a difference of prefix sums.
 *
 * @param start   the minute of the first point, relative to the failure's start (negative: before it)
 * @param values  one value a minute; NaN for none
 * @param arrival for each point, the minute it becomes visible in Datadog; non-decreasing
 */
public record Series(int start, double[] values, int[] arrival, double[] prefixSums, int[] prefixCounts) {

    public Series {
        if (values.length != arrival.length) {
            throw new IllegalArgumentException("a value and an arrival for each minute");
        }
    }

    /** The series of {@code values} from minute {@code start}, arriving as {@code arrival} says. */
    public static Series of(int start, double[] values, int[] arrival) {
        int[] ordered = arrival.clone();
        for (int i = 1; i < ordered.length; i++) {
            // A point cannot be seen before the ones before it: Datadog shows a series as far as it has it.
            ordered[i] = Math.max(ordered[i], ordered[i - 1]);
        }
        double[] sums = new double[values.length + 1];
        int[] counts = new int[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            boolean present = !Double.isNaN(values[i]);
            sums[i + 1] = sums[i] + (present ? values[i] : 0);
            counts[i + 1] = counts[i] + (present ? 1 : 0);
        }
        return new Series(start, values.clone(), ordered, sums, counts);
    }

    /** A series with no point at all. */
    public static Series empty(int start, int minutes) {
        double[] values = new double[minutes];
        Arrays.fill(values, Double.NaN);
        int[] arrival = new int[minutes];
        Arrays.fill(arrival, Integer.MAX_VALUE);
        return of(start, values, arrival);
    }

    /** The value at {@code minute} as Datadog sees it at {@code now}: NaN when there is none or it has not arrived. */
    public double at(int minute, int now) {
        int i = minute - start;
        if (i < 0 || i >= values.length || arrival[i] > now) {
            return Double.NaN;
        }
        return values[i];
    }

    /** The first minute whose point has not arrived by {@code now}: every earlier point is visible. */
    public int visibleUntil(int now) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (arrival[mid] <= now) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return start + lo;
    }

    /** The sum of the points in minutes {@code [from, to)} visible at {@code now}; NaN when there is none. */
    public double sum(int from, int to, int now) {
        int a = Math.max(0, from - start);
        int b = Math.min(values.length, Math.min(to, visibleUntil(now)) - start);
        if (b <= a || prefixCounts[b] - prefixCounts[a] == 0) {
            return Double.NaN;
        }
        return prefixSums[b] - prefixSums[a];
    }
}
