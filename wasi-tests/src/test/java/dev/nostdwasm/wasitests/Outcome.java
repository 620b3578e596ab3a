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
                differences.add("stderr:\n" + mine.stderrText() + "\nvs\n" + theirs.stderrText());
            }
        }
        if (!Arrays.equals(mine.stdout(), theirs.stdout())) {
            differences.add("stdout:\n" + mine.stdoutText() + "\nvs\n" + theirs.stdoutText());
        }
        tree.differencesFrom(other.tree).forEach(d -> differences.add("tree: " + d));
        return differences;
    }
}
