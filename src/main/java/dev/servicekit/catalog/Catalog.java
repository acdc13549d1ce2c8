package dev.servicekit.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The services of a team, one line each, shared by every environment. The order of lines does not
 * matter to the synthesized Terraform: adding a line adds that service and changes nothing else.
 */
public record Catalog(List<ServiceSpec> services, List<Misuse> misuses) {

    /** An option a catalog line used that does not fit its kind (e.g. a health check on a worker). */
    public record Misuse(String service, String option) {}

    public Catalog {
        services = List.copyOf(services);
        misuses = List.copyOf(misuses);
    }

    public static Catalog of(Service... lines) {
        return of(List.of(lines));
    }

    public static Catalog of(List<Service> lines) {
        List<ServiceSpec> specs = new ArrayList<>();
        List<Misuse> misuses = new ArrayList<>();
        for (Service line : lines) {
            specs.add(line.build());
            line.misuse().forEach(option -> misuses.add(new Misuse(line.name(), option)));
        }
        return new Catalog(specs, misuses);
    }

    /** This catalog with more lines. */
    public Catalog plus(Service... lines) {
        Catalog more = of(lines);
        List<ServiceSpec> specs = new ArrayList<>(services);
        specs.addAll(more.services);
        List<Misuse> allMisuses = new ArrayList<>(misuses);
        allMisuses.addAll(more.misuses);
        return new Catalog(specs, allMisuses);
    }
}
