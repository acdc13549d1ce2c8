package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A reviewer's diff of two versions of a stack: block by block (resource address, output, provider),
 * each changed block as a unified line diff of its canonical JSON.
 */
public final class StackDiff {
    private static final int CONTEXT = 3;

    private StackDiff() {}

    /** Empty when the stacks are the same. */
    public static String of(JsonNode before, JsonNode after) {
        Map<String, String> old = StackJson.blocks(before);
        Map<String, String> now = StackJson.blocks(after);
        TreeSet<String> addresses = new TreeSet<>(old.keySet());
        addresses.addAll(now.keySet());
        StringBuilder diff = new StringBuilder();
        for (String address : addresses) {
            String a = old.get(address);
            String b = now.get(address);
            if (a != null && a.equals(b)) {
                continue;
            }
            String header = a == null ? "+ added " : b == null ? "- removed " : "~ changed ";
            diff.append(header).append(address).append('\n');
            diff.append(unified(lines(a), lines(b)));
        }
        return diff.toString();
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
