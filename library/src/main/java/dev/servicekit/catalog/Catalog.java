package dev.servicekit.catalog;

import dev.servicekit.rules.Rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The services of a team, one line each, shared by every environment. The order of lines does not
 * matter to the synthesized Terraform: adding a line adds that service and changes nothing else.
 */
public record Catalog(List<ServiceSpec> services, List<Misuse> misuses) {
    /** The {@code managed-by} tag on every resource and monitor servicekit creates. */
    public static final String MANAGED_BY = "servicekit";

    /**
     * An option a catalog line used wrongly: one that does not fit its kind, or a null value.
     *
     * @param service the line's service, or null for a problem of the catalog itself (a null line)
     */
    public record Misuse(String service, String option, String message) {}

    public Catalog {
        services = List.copyOf(services);
        misuses = List.copyOf(misuses);
    }

    /** The names of the services that run: every line but the retired ones. */
    public java.util.Set<String> activeServiceNames() {
        return services.stream().filter(s -> !s.retired()).map(ServiceSpec::name)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    public static Catalog of(Service... lines) {
        return of(lines == null ? null : java.util.Arrays.asList(lines));
    }

    /** The catalog of these lines; a null list or line is reported by validation, not thrown. */
    public static Catalog of(List<Service> lines) {
        List<ServiceSpec> specs = new ArrayList<>();
        List<Misuse> misuses = new ArrayList<>();
        if (lines == null) {
            misuses.add(new Misuse("", "lines", Rules.MUST_NOT_BE_NULL));
            return new Catalog(specs, misuses);
        }
        for (int i = 0; i < lines.size(); i++) {
            Service line = lines.get(i);
            if (line == null) {
                misuses.add(new Misuse(null, "line " + (i + 1), Rules.MUST_NOT_BE_NULL));
                continue;
            }
            specs.add(line.build());
            misuses.addAll(line.misuse());
        }
        return new Catalog(specs, misuses);
    }
}
