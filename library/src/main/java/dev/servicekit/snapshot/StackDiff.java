package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A reviewer's diff of two versions of a stack: block by block (resource address, output, provider), each
 * changed block as a unified line diff of its canonical JSON, with JSON-encoded values (dashboards, policies)
 * decoded, so that a change in one widget is one line rather than one escaped line of the whole dashboard.
 */
public final class StackDiff {
    private static final int CONTEXT = 3;
    /** cdktf's bookkeeping ({@code //}): it changes with everything else and says nothing a reviewer needs. */
    static final String METADATA = "//";

    private StackDiff() {}

    /** What Terraform's plan would call the change of one block. */
    public enum Kind {
        ADDED("+", "added"), CHANGED("~", "changed"), REMOVED("-", "removed");

        private final String sign;
        private final String word;

        Kind(String sign, String word) {
            this.sign = sign;
            this.word = word;
        }

        public String sign() {
            return sign;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One block that differs.
     *
     * @param address     e.g. {@code resource.aws_sqs_queue.auth_queue}, {@code output.auth_queue_url}
     * @param changedKeys for a changed block, the paths of the values that differ ({@code tags.owner},
     *                    {@code dashboard.widgets[2].definition.title}), JSON-encoded values decoded
     */
    public record Change(Kind kind, String address, List<String> changedKeys) {}

    /** Every block that differs, by address, cdktf's metadata left out. */
    public static List<Change> changes(JsonNode before, JsonNode after) {
        Map<String, JsonNode> old = StackJson.blockNodes(before);
        Map<String, JsonNode> now = StackJson.blockNodes(after);
        TreeSet<String> addresses = new TreeSet<>(old.keySet());
        addresses.addAll(now.keySet());
        addresses.remove(METADATA);
        List<Change> changes = new ArrayList<>();
        for (String address : addresses) {
            JsonNode a = old.get(address);
            JsonNode b = now.get(address);
            if (a == null) {
                changes.add(new Change(Kind.ADDED, address, List.of()));
            } else if (b == null) {
                changes.add(new Change(Kind.REMOVED, address, List.of()));
            } else if (!a.equals(b)) {
                List<String> keys = new ArrayList<>();
                differences(StackJson.decoded(a), StackJson.decoded(b), "", keys);
                changes.add(new Change(Kind.CHANGED, address, keys));
            }
        }
        return changes;
    }

    /** Empty when the stacks are the same; cdktf's metadata comes last. */
    public static String of(JsonNode before, JsonNode after) {
        Map<String, String> old = StackJson.blocks(StackJson.decoded(before));
        Map<String, String> now = StackJson.blocks(StackJson.decoded(after));
        TreeSet<String> sorted = new TreeSet<>(old.keySet());
        sorted.addAll(now.keySet());
        List<String> addresses = new ArrayList<>(sorted);
        if (addresses.remove(METADATA)) {
            addresses.add(METADATA);
        }
        StringBuilder diff = new StringBuilder();
        for (String address : addresses) {
            String a = old.get(address);
            String b = now.get(address);
            if (a != null && a.equals(b)) {
                continue;
            }
            Kind kind = a == null ? Kind.ADDED : b == null ? Kind.REMOVED : Kind.CHANGED;
            diff.append(kind.sign()).append(' ').append(kind.word()).append(' ').append(address).append('\n');
            diff.append(unified(lines(a), lines(b)));
        }
        return diff.toString();
    }

    /** The paths below {@code path} where {@code a} and {@code b} differ. */
    private static void differences(JsonNode a, JsonNode b, String path, List<String> into) {
        if (a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode x = a.path(key);
                JsonNode y = b.path(key);
                if (!x.equals(y)) {
                    String inner = path.isEmpty() ? key : path + "." + key;
                    if (x.isMissingNode() || y.isMissingNode()) {
                        into.add(inner);
                    } else {
                        differences(x, y, inner, into);
                    }
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> x = a.elements();
            Iterator<JsonNode> y = b.elements();
            for (int i = 0; x.hasNext(); i++) {
                JsonNode left = x.next();
                JsonNode right = y.next();
                if (!left.equals(right)) {
                    differences(left, right, path + "[" + i + "]", into);
                }
            }
        } else if (!a.equals(b)) {
            into.add(path.isEmpty() ? "(the whole block)" : path);
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\n"));
    }

    /** A unified diff (without file headers) of two line lists, with {@value #CONTEXT} lines of context. */
    static String unified(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add("  " + a.get(i++));
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add("- " + a.get(i++));
            } else {
                ops.add("+ " + b.get(j++));
            }
        }
        boolean[] shown = new boolean[ops.size()];
        for (int k = 0; k < ops.size(); k++) {
            if (!ops.get(k).startsWith("  ")) {
                for (int p = Math.max(0, k - CONTEXT); p <= Math.min(ops.size() - 1, k + CONTEXT); p++) {
                    shown[p] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int last = -1;
        for (int k = 0; k < ops.size(); k++) {
            if (shown[k]) {
                if (last >= 0 && k > last + 1) {
                    out.append("    ...\n");
                }
                out.append("  ").append(ops.get(k)).append('\n');
                last = k;
            }
        }
        return out.toString();
    }
}
