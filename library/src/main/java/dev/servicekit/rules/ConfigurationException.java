package dev.servicekit.rules;

import java.util.List;

/**
 * Thrown before anything is synthesized when the catalog or an environment breaks a rule. Its
 * message lists every problem, one per line, each naming the environment, the service and the field.
 */
public final class ConfigurationException extends RuntimeException {
    private final List<Problem> problems;

    public ConfigurationException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        StringBuilder text = new StringBuilder("servicekit: the configuration is invalid; nothing was synthesized.");
        for (Problem problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}
