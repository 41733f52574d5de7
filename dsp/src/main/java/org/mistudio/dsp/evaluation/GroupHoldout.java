package org.mistudio.dsp.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A single group split, e.g. cross-session (train on runs 4 and 8, test on run 12): trials whose group is in
 * {@code trainGroups} train, those in {@code testGroups} test, others are left out.
 *
 * @param groups      one group id per trial
 * @param trainGroups groups used for training (non-empty)
 * @param testGroups  groups used for testing (non-empty, disjoint from {@code trainGroups})
 */
public record GroupHoldout(int[] groups, Set<Integer> trainGroups, Set<Integer> testGroups) implements Splitter {

    public GroupHoldout {
        groups = groups.clone();
        trainGroups = Set.copyOf(trainGroups);
        testGroups = Set.copyOf(testGroups);
        if (trainGroups.isEmpty() || testGroups.isEmpty()) {
            throw new IllegalArgumentException("group holdout: train and test groups must both be given, got train "
                    + new TreeSet<>(trainGroups) + ", test " + new TreeSet<>(testGroups));
        }
        TreeSet<Integer> both = new TreeSet<>(trainGroups);
        both.retainAll(testGroups);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("group holdout: groups " + both + " are in both train and test");
        }
        TreeSet<Integer> present = new TreeSet<>(LeaveOneGroupOut.boxed(groups));
        for (Set<Integer> s : List.of(trainGroups, testGroups)) {
            for (int g : s) {
                if (!present.contains(g)) {
                    throw new IllegalArgumentException("group holdout: group " + g + " has no trial (groups present: "
                            + present + ")");
                }
            }
        }
    }

    @Override
    public int[] groups() {
        return groups.clone();
    }

    /** Test on every group in {@code testGroups}, train on all the others. */
    public static GroupHoldout testOn(int[] groups, Set<Integer> testGroups) {
        TreeSet<Integer> train = new TreeSet<>(LeaveOneGroupOut.boxed(groups));
        train.removeAll(testGroups);
        return new GroupHoldout(groups, train, testGroups);
    }

    @Override
    public List<Split> split(int[] y) {
        LeaveOneGroupOut.requireLength(groups, y, "group holdout");
        return List.of(make(groups, trainGroups, testGroups));
    }

    static Split holdout(int[] groups, int testGroup) {
        TreeSet<Integer> train = new TreeSet<>(LeaveOneGroupOut.boxed(groups));
        train.remove(testGroup);
        return make(groups, train, Set.of(testGroup));
    }

    private static Split make(int[] groups, Set<Integer> train, Set<Integer> test) {
        List<Integer> tr = new ArrayList<>();
        List<Integer> te = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            if (test.contains(groups[i])) {
                te.add(i);
            } else if (train.contains(groups[i])) {
                tr.add(i);
            }
        }
        return new Split(tr.stream().mapToInt(Integer::intValue).toArray(),
                te.stream().mapToInt(Integer::intValue).toArray());
    }
}
