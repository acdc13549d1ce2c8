package dev.servicekit.terraform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Terraform expression, as HCL: a reference ({@code aws_sqs_queue.auth_queue.arn}), a function call, a
 * conditional. In a string it is interpolated: {@link #toString()} is {@code ${...}}, so
 * {@code "arn:" + partition + ":ssm"} is a Terraform template. Where a typed field wants a number, a list
 * or a map (a module's inputs), {@link #number()}, {@link #list()} and {@link #map()} give values that stand
 * for the expression until servicekit writes the Terraform JSON.
 *
 * @param hcl the expression's code, without {@code ${}}
 */
public record Expression(String hcl) {
    /** Numbers that stand for expressions: a reserved range no real value comes near (see {@link Tokens}). */
    private static final double NUMBER_BASE = -1.6e289;
    private static final Map<Double, Expression> NUMBERS = new ConcurrentHashMap<>();
    private static final Map<Expression, Double> NUMBERED = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong();

    public static Expression of(String hcl) {
        return new Expression(hcl);
    }

    /** {@code <address>.<attribute>}, e.g. {@code aws_sqs_queue.auth_queue.arn}. */
    public static Expression reference(String address, String attribute) {
        return new Expression(address + "." + attribute);
    }

    /** {@code var.<name>}: a module's input. */
    public static Expression variable(String name) {
        return new Expression("var." + name);
    }

    /** {@code function(this, arguments...)}: each argument is HCL already. */
    public Expression call(String function, String... arguments) {
        StringBuilder code = new StringBuilder(function).append('(').append(hcl);
        for (String argument : arguments) {
            code.append(", ").append(argument);
        }
        return new Expression(code.append(')').toString());
    }

    /** This expression interpolated, for a string: {@code ${hcl}}. */
    @Override
    public String toString() {
        return "${" + hcl + "}";
    }

    /** A number that stands for this expression in a typed field, e.g. a config struct's {@code Number}. */
    public Number number() {
        return NUMBERED.computeIfAbsent(this, e -> {
            double value = NUMBER_BASE - NEXT.incrementAndGet() * 1e274;
            NUMBERS.put(value, e);
            return value;
        });
    }

    /** The expression a number stands for, if it stands for one of servicekit's. */
    public static Optional<Expression> ofNumber(Number value) {
        return value == null ? Optional.empty() : Optional.ofNullable(NUMBERS.get(value.doubleValue()));
    }

    /** A list that stands for this expression (a module's list input) in a typed field. */
    public List<String> list() {
        return new ExpressionList(this);
    }

    /** A map that stands for this expression (a module's map input) in a typed field. */
    public Map<String, String> map() {
        return new ExpressionMap(this);
    }

    /** A list whose value is an expression: Terraform JSON writes it as {@code "${...}"}. */
    public static final class ExpressionList extends java.util.AbstractList<String> {
        private final Expression expression;

        private ExpressionList(Expression expression) {
            this.expression = expression;
        }

        public Expression expression() {
            return expression;
        }

        @Override
        public String get(int index) {
            if (index != 0) {
                throw new IndexOutOfBoundsException(index);
            }
            return expression.toString();
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /** A map whose value is an expression: Terraform JSON writes it as {@code "${...}"}. */
    public static final class ExpressionMap extends java.util.AbstractMap<String, String> {
        private final Expression expression;

        private ExpressionMap(Expression expression) {
            this.expression = expression;
        }

        public Expression expression() {
            return expression;
        }

        @Override
        public java.util.Set<Entry<String, String>> entrySet() {
            return java.util.Set.of();
        }
    }
}
