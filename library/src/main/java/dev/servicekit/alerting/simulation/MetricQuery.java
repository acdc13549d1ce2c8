package dev.servicekit.alerting.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Datadog metric monitor's query, parsed and evaluated the way Datadog's documentation describes, for the
 * query forms servicekit writes: {@code <time aggregation>(last_<window>):<expression> <comparison> <number>}
 * and {@code change(<aggregation>(last_<w>),last_<w>):...}, over metric queries
 * ({@code max:aws.sqs.approximate_number_of_messages_visible{queuename:q}}, {@code .as_count()}), numbers,
 * {@code + - * /} and the functions {@code default_zero}, {@code clamp_min}, {@code clamp_max},
 * {@code monotonic_diff} and {@code count_not_null}.
 *
 * <p>What it models, from Datadog's guides:
 * <ul>
 *   <li>The window: with {@code evaluation_delay} D and window W, the evaluation at minute T reads the points
 *       of minutes {@code [T-D-W, T-D)} that have arrived by T ({@code require_full_window} off: whatever is
 *       there counts).</li>
 *   <li>"as_count() in Monitor Evaluations": a query with arithmetic and at least one {@code .as_count()}
 *       aggregates each metric over the window first (a sum) and then does the arithmetic; any other query
 *       does the arithmetic point by point and then aggregates the window.</li>
 *   <li>"Interpolation": {@code default_zero} fills a window's empty minutes with 0, and does nothing when the
 *       window has no point at all (gauges' interpolation is not modelled: a gap is 0, not a line).</li>
 *   <li>"Monitor Arithmetic and Sparse Metrics": a point missing on one side of an operator makes the result
 *       missing there, and an evaluation with no point at all is No Data.</li>
 *   <li>"Change alert": the window's aggregate minus the same aggregate over the window before it.</li>
 * </ul>
 */
public final class MetricQuery {
    private static final Pattern SIMPLE = Pattern.compile("^(min|max|avg|sum)\\(last_(\\d+)([mh])\\):");
    private static final Pattern CHANGE = Pattern.compile(
            "^change\\((min|max|avg|sum)\\(last_(\\d+)([mh])\\),last_(\\d+)([mh])\\):");
    private static final Pattern COMPARISON = Pattern.compile("\\s([<>]=?)\\s(-?[0-9.]+)$");
    private static final Pattern QUEUE_NAME = Pattern.compile("queuename:([^,}]+)");

    /** How a window's points become one value. */
    public enum Aggregation { MIN, MAX, AVG, SUM }

    private final Aggregation aggregation;
    private final int windowMinutes;
    private final boolean change;
    private final Node expression;
    private final boolean above;
    private final double threshold;
    private final boolean asCountPath;

    private MetricQuery(Aggregation aggregation, int windowMinutes, boolean change, Node expression, boolean above,
                        double threshold) {
        this.aggregation = aggregation;
        this.windowMinutes = windowMinutes;
        this.change = change;
        this.expression = expression;
        this.above = above;
        this.threshold = threshold;
        this.asCountPath = expression.asCount();
    }

    /** Parses {@code query}; throws on a form it does not model, so that no monitor is replayed wrongly. */
    public static MetricQuery parse(String query) {
        Matcher comparison = COMPARISON.matcher(query);
        if (!comparison.find()) {
            throw new IllegalArgumentException("no comparison at the end of " + query);
        }
        String body = query.substring(0, comparison.start());
        Matcher simple = SIMPLE.matcher(body);
        Matcher change = CHANGE.matcher(body);
        Aggregation aggregation;
        int window;
        String expression;
        boolean isChange;
        if (change.find()) {
            aggregation = Aggregation.valueOf(change.group(1).toUpperCase(Locale.ROOT));
            window = minutes(change.group(2), change.group(3));
            if (minutes(change.group(4), change.group(5)) != window) {
                throw new IllegalArgumentException("a change over another window than its own: " + query);
            }
            expression = body.substring(change.end());
            isChange = true;
        } else if (simple.find()) {
            aggregation = Aggregation.valueOf(simple.group(1).toUpperCase(Locale.ROOT));
            window = minutes(simple.group(2), simple.group(3));
            expression = body.substring(simple.end());
            isChange = false;
        } else {
            throw new IllegalArgumentException("not a metric monitor's query: " + query);
        }
        Parser parser = new Parser(expression);
        Node node = parser.expression();
        parser.end();
        MetricQuery parsed = new MetricQuery(aggregation, window, isChange, node, comparison.group(1).startsWith(">"),
                Double.parseDouble(comparison.group(2)));
        if (parsed.asCountPath && aggregation != Aggregation.SUM) {
            throw new IllegalArgumentException("as_count() with another aggregation than sum: " + query);
        }
        return parsed;
    }

    private static int minutes(String amount, String unit) {
        return Integer.parseInt(amount) * (unit.equals("h") ? 60 : 1);
    }

    public int windowMinutes() {
        return windowMinutes;
    }

    /** True when the monitor alerts above its threshold. */
    public boolean above() {
        return above;
    }

    public double threshold() {
        return threshold;
    }

    /** The monitor's value at minute {@code now}, waiting {@code delayMinutes}; NaN for no data. */
    public double value(World world, int now, int delayMinutes) {
        int to = now - delayMinutes;
        double current = aggregate(world, now, to - windowMinutes, to);
        if (!change) {
            return current;
        }
        double before = aggregate(world, now, to - 2 * windowMinutes, to - windowMinutes);
        return Double.isNaN(current) || Double.isNaN(before) ? Double.NaN : current - before;
    }

    /** The query's expression aggregated over minutes {@code [from, to)} as seen at {@code now}; NaN for no data. */
    public double over(World world, int now, int from, int to) {
        return aggregate(world, now, from, to);
    }

    private double aggregate(World world, int now, int from, int to) {
        Context context = new Context(world, now, from, to);
        if (asCountPath) {
            return expression.scalar(context);
        }
        double[] points = expression.points(context);
        double result = Double.NaN;
        int count = 0;
        for (double point : points) {
            if (Double.isNaN(point)) {
                continue;
            }
            count++;
            if (Double.isNaN(result)) {
                result = point;
            } else {
                result = switch (aggregation) {
                    case MIN -> Math.min(result, point);
                    case MAX -> Math.max(result, point);
                    case AVG, SUM -> result + point;
                };
            }
        }
        return aggregation == Aggregation.AVG && count > 0 ? result / count : result;
    }

    /** The window being evaluated: minutes {@code [from, to)} as seen at {@code now}. */
    private record Context(World world, int now, int from, int to) {
        int size() {
            return Math.max(0, to - from);
        }
    }

    private sealed interface Node permits Num, Leaf, Call, Binary {
        /** The node's value at each minute of the window (the classic path). */
        double[] points(Context context);

        /** The node's value over the whole window (the as_count path). */
        double scalar(Context context);

        boolean asCount();
    }

    private record Num(double value) implements Node {
        public double[] points(Context context) {
            double[] points = new double[context.size()];
            Arrays.fill(points, value);
            return points;
        }

        public double scalar(Context context) {
            return value;
        }

        public boolean asCount() {
            return false;
        }
    }

    /** A metric query: {@code sum:aws.applicationelb.request_count{...}.as_count()}, and what its tags select. */
    private record Leaf(String metric, String scope, String by, boolean asCount, World.Subject subject) implements Node {
        Leaf(String metric, String scope, String by, boolean asCount) {
            this(metric, scope, by, asCount, subjectOf(scope, by, metric));
        }

        private static World.Subject subjectOf(String scope, String by, String metric) {
            if (by.contains("task_arn")) {
                return World.Subject.AGENT_TASKS;
            }
            if (scope.contains("task_family:")) {
                return World.Subject.AGENT_CONTAINER;
            }
            Matcher queue = QUEUE_NAME.matcher(scope);
            if (queue.find()) {
                return queue.group(1).endsWith("-dlq") ? World.Subject.DEAD_LETTER_QUEUE : World.Subject.QUEUE;
            }
            if (scope.contains("servicename:")) {
                return World.Subject.ECS_SERVICE;
            }
            if (scope.contains("targetgroup:")) {
                return World.Subject.TARGET_GROUP;
            }
            if (scope.contains("loadbalancer:")) {
                return World.Subject.LOAD_BALANCER;
            }
            throw new IllegalArgumentException("no subject for " + metric + scope);
        }

        public double[] points(Context c) {
            Series series = c.world().series().get(new World.Key(subject, metric));
            double[] points = new double[c.size()];
            for (int i = 0; i < points.length; i++) {
                points[i] = series == null ? Double.NaN : series.at(c.from() + i, c.now());
            }
            return points;
        }

        public double scalar(Context c) {
            Series series = c.world().series().get(new World.Key(subject, metric));
            return series == null ? Double.NaN : series.sum(c.from(), c.to(), c.now());
        }
    }

    private record Call(String function, List<Node> arguments) implements Node {
        public double[] points(Context c) {
            double[] x = arguments.get(0).points(c);
            switch (function) {
                case "default_zero", "count_not_null" -> {
                    // An empty window stays empty: "if the evaluation window contains no points, default_zero()
                    // has no effect"; a count of series where none reported is likewise no data.
                    if (Arrays.stream(x).allMatch(Double::isNaN)) {
                        return x;
                    }
                    return Arrays.stream(x).map(v -> Double.isNaN(v) ? 0 : v).toArray();
                }
                case "clamp_min", "clamp_max" -> {
                    double bound = arguments.get(1).scalar(c);
                    return Arrays.stream(x).map(v -> Double.isNaN(v) ? v
                            : function.equals("clamp_min") ? Math.max(v, bound) : Math.min(v, bound)).toArray();
                }
                case "monotonic_diff" -> {
                    // The window's first point has its predecessor just before the window.
                    Context before = new Context(c.world(), c.now(), c.from() - 1, c.to());
                    double[] wider = arguments.get(0).points(before);
                    double[] out = new double[x.length];
                    for (int i = 0; i < out.length; i++) {
                        double previous = wider[i];
                        double current = wider[i + 1];
                        out[i] = Double.isNaN(previous) || Double.isNaN(current) ? Double.NaN
                                : Math.max(0, current - previous);
                    }
                    return out;
                }
                default -> throw new IllegalArgumentException("function not modelled: " + function);
            }
        }

        public double scalar(Context c) {
            double x = arguments.get(0).scalar(c);
            return switch (function) {
                case "default_zero" -> Double.isNaN(x) ? 0 : x;
                case "clamp_min" -> Math.max(x, arguments.get(1).scalar(c));
                case "clamp_max" -> Math.min(x, arguments.get(1).scalar(c));
                default -> throw new IllegalArgumentException(function + " in an as_count() query is not modelled");
            };
        }

        public boolean asCount() {
            return arguments.stream().anyMatch(Node::asCount);
        }
    }

    private record Binary(char operator, Node left, Node right) implements Node {
        public double[] points(Context c) {
            double[] a = left.points(c);
            double[] b = right.points(c);
            double[] out = new double[a.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = apply(a[i], b[i]);
            }
            return out;
        }

        public double scalar(Context c) {
            return apply(left.scalar(c), right.scalar(c));
        }

        private double apply(double a, double b) {
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return Double.NaN;
            }
            return switch (operator) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> b == 0 ? Double.NaN : a / b;
                default -> throw new IllegalStateException("operator " + operator);
            };
        }

        public boolean asCount() {
            return left.asCount() || right.asCount();
        }
    }

    /** Recursive descent over the expression text. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node expression() {
            Node node = term();
            while (true) {
                skip();
                if (peek('+') || peek('-')) {
                    char op = text.charAt(at++);
                    node = new Binary(op, node, term());
                } else {
                    return node;
                }
            }
        }

        private Node term() {
            Node node = primary();
            while (true) {
                skip();
                if (peek('*') || peek('/')) {
                    char op = text.charAt(at++);
                    node = new Binary(op, node, primary());
                } else {
                    return node;
                }
            }
        }

        private Node primary() {
            skip();
            if (peek('(')) {
                at++;
                Node inner = expression();
                expect(')');
                return inner;
            }
            if (peek('-')) {
                at++;
                return new Binary('-', new Num(0), primary());
            }
            char c = text.charAt(at);
            if (Character.isDigit(c) || c == '.') {
                int start = at;
                while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.'
                        || text.charAt(at) == 'e')) {
                    at++;
                }
                return new Num(Double.parseDouble(text.substring(start, at)));
            }
            String name = identifier();
            if (peek(':')) {
                at++;
                return leaf();
            }
            expect('(');
            List<Node> arguments = new ArrayList<>();
            arguments.add(expression());
            skip();
            while (peek(',')) {
                at++;
                arguments.add(expression());
                skip();
            }
            expect(')');
            return new Call(name, arguments);
        }

        private Node leaf() {
            String metric = identifier();
            String scope = braces();
            String by = "";
            if (text.startsWith(" by ", at)) {
                at += 4;
                by = braces();
            }
            boolean asCount = false;
            if (text.startsWith(".as_count()", at)) {
                at += ".as_count()".length();
                asCount = true;
            }
            return new Leaf(metric, scope, by, asCount);
        }

        /** A tag scope, braces and all; Terraform interpolations inside ({@code ${lower(x)}}) nest braces. */
        private String braces() {
            if (!peek('{')) {
                throw new IllegalArgumentException("expected { at " + at + " in " + text);
            }
            int depth = 0;
            int start = at;
            do {
                char c = text.charAt(at++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            } while (depth > 0);
            return text.substring(start, at);
        }

        private String identifier() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                    || text.charAt(at) == '.')) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("expected a name at " + at + " in " + text);
            }
            return text.substring(start, at);
        }

        private void skip() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            skip();
            if (!peek(c)) {
                throw new IllegalArgumentException("expected " + c + " at " + at + " in " + text);
            }
            at++;
        }

        void end() {
            skip();
            if (at != text.length()) {
                throw new IllegalArgumentException("unexpected text at " + at + " in " + text);
            }
        }
    }
}
