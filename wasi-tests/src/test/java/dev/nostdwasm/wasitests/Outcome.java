package dev.nostdwasm.wasitests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a run left behind that the differential tests compare: how it ended, what it wrote, and
 * the directory tree around the preopened directory afterwards.
 *
 * @param result the exit code and output
 * @param tree   the working directory of the run: the preopened directory ({@link CaseRun#PREOPEN}) and,
 *               if the sandbox leaked, whatever the guest managed to put next to it
 */
record Outcome(ProgramResult result, DirectoryTree tree) {

    /**
     * Every way {@code other} differs from this outcome, one line each; empty when they are the same.
     * When both runs ended in an error of the runner, its message is the runner's own and not compared.
     */
    List<String> differencesFrom(Outcome other) {
        List<String> differences = new ArrayList<>();
        ProgramResult mine = result, theirs = other.result;
        if (mine.endedInError() != theirs.endedInError()) {
            differences.add("ended in an error of the runner: " + mine.endedInError() + " vs " + theirs.endedInError());
        }
        if (!mine.endedInError() && !theirs.endedInError()) {
            if (mine.exitCode() != theirs.exitCode()) {
                differences.add("exit code: " + mine.exitCode() + " vs " + theirs.exitCode());
            }
            if (!Arrays.equals(mine.stderr(), theirs.stderr())) {
                differences.add("stderr: " + changedLines(mine.stderrText(), theirs.stderrText()));
            }
        }
        if (!Arrays.equals(mine.stdout(), theirs.stdout())) {
            differences.add("stdout: " + changedLines(mine.stdoutText(), theirs.stdoutText()));
        }
        tree.differencesFrom(other.tree).forEach(d -> differences.add("tree: " + d));
        return differences;
    }

    /**
     * The lines between the first and the last that differ: this outcome's prefixed with {@code -}, the
     * other's with {@code +}. Enough to read a difference in a failure message, however long the output.
     */
    private static String changedLines(String mine, String theirs) {
        List<String> a = mine.lines().toList(), b = theirs.lines().toList();
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size(), endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        StringBuilder text = new StringBuilder("from line " + (start + 1) + " (- this run, + the other)");
        a.subList(start, endA).forEach(line -> text.append("\n- ").append(line));
        b.subList(start, endB).forEach(line -> text.append("\n+ ").append(line));
        if (start == endA && start == endB) {
            text.append("\n(the same lines: the bytes differ in line endings or a final newline)");
        }
        return text.toString();
    }
}
