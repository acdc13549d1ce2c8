package dev.servicekit.validation;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;

import java.util.HashSet;
import java.util.Set;

/**
 * A line's {@code renamedFrom}: a service name that no line of the catalog still has (its AWS names and, through
 * moved blocks, its Terraform addresses become the renamed line's), given by one line only, on a line that runs.
 */
final class RenameRules {
    private RenameRules() {}

    static void check(Catalog catalog, Problems problems) {
        Set<String> lines = new HashSet<>();
        catalog.services().forEach(spec -> lines.add(spec.name()));
        Set<String> claimed = new HashSet<>();
        for (ServiceSpec spec : catalog.services()) {
            if (spec.renamedFrom().isEmpty()) {
                continue;
            }
            String old = spec.renamedFrom().get();
            Problems.Scope line = problems.about("catalog/" + spec.name());
            if (!Rules.SERVICE_NAME.matcher(old).matches()) {
                line.add("renamedFrom", Rules.badServiceName(old));
            } else if (old.equals(spec.name())) {
                line.add("renamedFrom", Rules.renamedFromItself(old));
            } else if (lines.contains(old)) {
                line.add("renamedFrom", Rules.renamedFromALine(old));
            } else if (!claimed.add(old)) {
                line.add("renamedFrom", Rules.GIVEN_TWICE);
            }
            if (spec.retired()) {
                line.add("renamedFrom", Rules.retiredWhileRenamed(old));
            }
        }
    }
}
