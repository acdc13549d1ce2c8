package dev.servicekit.generation;

import java.util.List;
import java.util.Optional;

/**
 * One input variable of a generated module.
 *
 * @param name         the variable's name
 * @param type         its Terraform type, e.g. {@code number}, {@code list(string)}
 * @param description  what it is; shown in the module's README
 * @param defaultValue the default; empty for a required input. A present {@link #NULL} means "null".
 * @param validations  checks Terraform runs on plan, with servicekit's messages
 */
public record ModuleInput(String name, String type, String description, Optional<Object> defaultValue,
                          List<Validation> validations) {

    /** A default of null (the input is optional and means "not set"). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A Terraform validation block: a condition and the message shown when it is false. */
    public record Validation(String condition, String errorMessage) {}

    public ModuleInput {
        validations = List.copyOf(validations);
    }

    public static ModuleInput required(String name, String type, String description, Validation... validations) {
        return new ModuleInput(name, type, description, Optional.empty(), List.of(validations));
    }

    public static ModuleInput optional(String name, String type, Object defaultValue, String description,
                                       Validation... validations) {
        return new ModuleInput(name, type, description, Optional.of(defaultValue), List.of(validations));
    }

    public boolean isRequired() {
        return defaultValue.isEmpty();
    }
}
