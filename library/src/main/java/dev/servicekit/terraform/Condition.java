package dev.servicekit.terraform;

import com.hashicorp.cdktf.IResolvable;
import com.hashicorp.cdktf.IResolveContext;

import java.util.List;

/**
 * A yes-or-no a part decides on: known when servicekit writes a stack (a line's option, an environment's
 * setting), or a Terraform expression when it writes a module (a boolean input, decided at plan). A part
 * owns what follows from it: a resource that exists only when the condition holds gets a {@code count}, a
 * value that depends on it a conditional expression. A condition is an {@link IResolvable} so that a config
 * struct's boolean field takes it ({@code .internal(condition)}); servicekit writes it as a boolean when known,
 * as its expression otherwise, and never hands it to cdktf.
 */
public sealed interface Condition extends IResolvable {
    Condition ALWAYS = new Known(true);
    Condition NEVER = new Known(false);

    static Condition of(boolean value) {
        return value ? ALWAYS : NEVER;
    }

    /** A condition Terraform decides: {@code hcl} is a boolean expression known at plan, e.g. {@code var.internal}. */
    static Condition expression(String hcl) {
        return new Decided(Expression.of(hcl), false);
    }

    /** Holds when any of {@code conditions} does: known when one always holds or all never do. */
    static Condition anyOf(java.util.Collection<Condition> conditions) {
        if (conditions.stream().anyMatch(Condition::always)) {
            return ALWAYS;
        }
        java.util.List<Condition> open = conditions.stream().filter(c -> !c.never()).distinct().toList();
        if (open.isEmpty()) {
            return NEVER;
        }
        if (open.size() == 1) {
            return open.get(0);
        }
        return expression(String.join(" || ", open.stream().map(Hcl::render).toList()));
    }

    /** True when the condition holds for certain. */
    boolean always();

    /** True when the condition cannot hold. */
    boolean never();

    /** Only servicekit writes conditions; they never reach cdktf. */
    @Override
    default Object resolve(IResolveContext context) {
        throw new UnsupportedOperationException("servicekit writes its conditions itself");
    }

    @Override
    default List<String> getCreationStack() {
        return List.of();
    }

    /** A {@code count} for a resource that exists only when the condition holds: empty when it always does. */
    java.util.Optional<String> count();

    /**
     * {@code whenTrue} or {@code whenFalse}: picked in Java when known, otherwise a conditional expression
     * (both values rendered as HCL).
     */
    Object choose(Object whenTrue, Object whenFalse);

    /** The negation. */
    Condition not();

    /** A known condition. */
    record Known(boolean holds) implements Condition {
        @Override
        public boolean always() {
            return holds;
        }

        @Override
        public boolean never() {
            return !holds;
        }

        @Override
        public java.util.Optional<String> count() {
            return java.util.Optional.empty();
        }

        @Override
        public Object choose(Object whenTrue, Object whenFalse) {
            return holds ? whenTrue : whenFalse;
        }

        @Override
        public Condition not() {
            return Condition.of(!holds);
        }
    }

    /** A condition Terraform decides at plan, or its negation. */
    record Decided(Expression expression, boolean negated) implements Condition, IResolvable {
        @Override
        public boolean always() {
            return false;
        }

        @Override
        public boolean never() {
            return false;
        }

        @Override
        public java.util.Optional<String> count() {
            return java.util.Optional.of("${" + expression.hcl() + (negated ? " ? 0 : 1}" : " ? 1 : 0}"));
        }

        @Override
        public Object choose(Object whenTrue, Object whenFalse) {
            Object first = negated ? whenFalse : whenTrue;
            Object second = negated ? whenTrue : whenFalse;
            return Expression.of(expression.hcl() + " ? " + Hcl.render(first) + " : " + Hcl.render(second));
        }

        @Override
        public Condition not() {
            return new Decided(expression, !negated);
        }

        /** The condition interpolated: {@code ${var.internal}}. */
        @Override
        public String toString() {
            return "${" + (negated ? "!" : "") + expression.hcl() + "}";
        }
    }
}
