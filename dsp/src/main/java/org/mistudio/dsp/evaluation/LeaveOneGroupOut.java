package org.mistudio.dsp.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One split per distinct group, that group being the test set (scikit-learn's {@code LeaveOneGroupOut}):
 * leave-one-subject-out with subject groups, leave-one-session-out with run groups. Splits in ascending group
 * order; indices ascending.
 *
 * @param groups one group id per trial
 */
public record LeaveOneGroupOut(int[] groups) implements Splitter {

    public LeaveOneGroupOut {
        groups = groups.clone();
        if (new TreeSet<>(boxed(groups)).size() < 2) {
            throw new IllegalArgumentException("leave-one-group-out: need at least 2 groups, got "
                    + new TreeSet<>(boxed(groups)));
        }
    }

    @Override
    public int[] groups() {
        return groups.clone();
    }

    static List<Integer> boxed(int[] a) {
        List<Integer> l = new ArrayList<>();
        for (int v : a) {
            l.add(v);
        }
        return l;
    }

    static void requireLength(int[] groups, int[] y, String who) {
        if (y.length != groups.length) {
            throw new IllegalArgumentException(who + ": " + groups.length + " group ids but " + y.length + " trials");
        }
    }

    @Override
    public List<Split> split(int[] y) {
        requireLength(groups, y, "leave-one-group-out");
        List<Split> out = new ArrayList<>();
        for (int g : new TreeSet<>(boxed(groups))) {
            out.add(GroupHoldout.holdout(groups, g));
        }
        return out;
    }
}
