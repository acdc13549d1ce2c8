package dev.servicekit.terraform;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * A Terraform input variable, as a generated module declares it.
 *
 * @param name         the variable's name
 * @param type         its Terraform type, e.g. {@code number}, {@code list(string)}
 * @param description  what it is; shown in the module's README
 * @param defaultValue the default; empty for a required input. A present {@link #NULL} means "null".
 * @param validations  checks Terraform runs on plan, with servicekit's messages
 */
public record Variable(String name, String type, String description, Optional<Object> defaultValue,
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

    public Variable {
        validations = List.copyOf(validations);
    }

    public static Variable required(String name, String type, String description, Validation... validations) {
        return new Variable(name, type, description, Optional.empty(), List.of(validations));
    }

    public static Variable optional(String name, String type, Object defaultValue, String description,
                                    Validation... validations) {
        return new Variable(name, type, description, Optional.of(defaultValue), List.of(validations));
    }

    /** {@code var.<name>}. */
    public Expression expression() {
        return Expression.variable(name);
    }

    ObjectNode toJson() {
        ObjectNode json = TerraformJson.NODES.objectNode();
        json.put("type", type);
        json.put("description", description);
        defaultValue.ifPresent(value -> {
            if (value == NULL) {
                json.putNull("default");
                json.put("nullable", true);
            } else {
                json.set("default", TerraformJson.of(value));
                // A caller's null means the default (Terraform's nullable = false), not a null that every
                // expression and validation reading the input would have to expect.
                json.put("nullable", false);
            }
        });
        if (!validations.isEmpty()) {
            ArrayNode list = json.putArray("validation");
            for (Validation validation : validations) {
                list.addObject().put("condition", validation.condition()).put("error_message", validation.errorMessage());
            }
        }
        return json;
    }
}
