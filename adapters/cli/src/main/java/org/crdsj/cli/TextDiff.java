package org.crdsj.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain unified text difference of two files' lines ({@code crds diff -T}; CRDS runs GNU
 * {@code diff -b -c} there instead). Lines are compared exactly; hunks carry three lines of context.
 */
final class TextDiff {
    private TextDiff() {}

    private static final int CONTEXT = 3;

    /** The unified difference, empty when the texts are equal. */
    static List<String> unified(String aName, List<String> a, String bName, List<String> b) {
        List<int[]> ops = edits(a, b);   // {kind, indexA, indexB}: 0 equal, -1 delete, +1 insert
        List<String> out = new ArrayList<>();
        boolean any = ops.stream().anyMatch(o -> o[0] != 0);
        if (!any) return out;
        out.add("--- " + aName);
        out.add("+++ " + bName);
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == 0) { i++; continue; }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while changes are separated by at most 2*CONTEXT equal lines.
            while (true) {
                while (end < ops.size() && ops.get(end)[0] != 0) end++;
                int next = end;
                while (next < ops.size() && ops.get(next)[0] == 0) next++;
                if (next < ops.size() && next - end <= 2 * CONTEXT) end = next;
                else { end = Math.min(ops.size(), end + CONTEXT); break; }
            }
            int aStart = -1, bStart = -1, aCount = 0, bCount = 0;
            List<String> body = new ArrayList<>();
            for (int k = start; k < end; k++) {
                int[] op = ops.get(k);
                if (op[0] <= 0) { if (aStart < 0) aStart = op[1]; aCount++; }
                if (op[0] >= 0) { if (bStart < 0) bStart = op[2]; bCount++; }
                String text = op[0] < 0 ? "-" + a.get(op[1]) : op[0] > 0 ? "+" + b.get(op[2]) : " " + a.get(op[1]);
                body.add(text);
            }
            out.add("@@ -" + range(aStart, aCount, ops, start, true) + " +" + range(bStart, bCount, ops, start, false) + " @@");
            out.addAll(body);
            i = end;
        }
        return out;
    }

    private static String range(int first, int count, List<int[]> ops, int start, boolean sideA) {
        int line;
        if (count == 0) {
            line = sideA ? ops.get(start)[1] : ops.get(start)[2];   // the line before the empty range
        } else {
            line = first + 1;
        }
        return count == 1 ? Integer.toString(line) : line + "," + count;
    }

    /** Myers' shortest edit script as a list of operations over both sequences. */
    private static List<int[]> edits(List<String> a, List<String> b) {
        int n = a.size(), m = b.size(), max = n + m;
        int[] v = new int[2 * max + 2];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? v[max + k + 1] : v[max + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) { x++; y++; }
                v[max + k] = x;
                if (x >= n && y >= m) { found = d; break; }
            }
        }
        List<int[]> ops = new ArrayList<>();
        int x = n, y = m;
        for (int d = found; d > 0; d--) {
            int[] pv = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && pv[max + k - 1] < pv[max + k + 1])) ? k + 1 : k - 1;
            int prevX = pv[max + prevK], prevY = prevX - prevK;
            while (x > prevX && y > prevY) { x--; y--; ops.add(new int[] {0, x, y}); }
            if (x == prevX) { y--; ops.add(new int[] {1, x, y}); }
            else { x--; ops.add(new int[] {-1, x, y}); }
        }
        while (x > 0 && y > 0) { x--; y--; ops.add(new int[] {0, x, y}); }
        java.util.Collections.reverse(ops);
        return ops;
    }
}
