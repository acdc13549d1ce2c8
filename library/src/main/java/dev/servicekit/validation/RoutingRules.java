package dev.servicekit.validation;

import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;

/** Where alerts go: a Datadog handle, and for warnings and causes never one that pages. */
final class RoutingRules {
    private RoutingRules() {}

    static void checkNotify(Problems.Scope scope, String handle) {
        if (!Rules.NOTIFY_HANDLE.matcher(handle).matches()) {
            scope.add("notify", Rules.badHandle(handle));
        } else if (Rules.PAGING_HANDLE.matcher(handle).matches()) {
            scope.add("notify", Rules.notifyPages(handle));
        }
    }
}
