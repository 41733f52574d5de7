package org.mistudio.dsp.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GroupSplitTest {

    // 3 subjects with 4, 2 and 3 trials, interleaved
    private static final int[] GROUPS = {1, 1, 2, 3, 1, 3, 2, 1, 3};
    private static final int[] Y = new int[GROUPS.length];

    @Test
    void leaveOneGroupOutIsExact() {
        List<Split> s = new LeaveOneGroupOut(GROUPS).split(Y);
        assertEquals(3, s.size());
        assertArrayEquals(new int[] {0, 1, 4, 7}, s.get(0).test());
        assertArrayEquals(new int[] {2, 3, 5, 6, 8}, s.get(0).train());
        assertArrayEquals(new int[] {2, 6}, s.get(1).test());
        assertArrayEquals(new int[] {3, 5, 8}, s.get(2).test());
        Set<Integer> tested = new HashSet<>();
        for (Split sp : s) {
            Set<Integer> trainGroups = new HashSet<>();
            for (int i : sp.train()) {
                trainGroups.add(GROUPS[i]);
            }
            for (int i : sp.test()) {
                assertEquals(false, trainGroups.contains(GROUPS[i]), "group in both train and test");
                tested.add(i);
            }
            assertEquals(GROUPS.length, sp.train().length + sp.test().length);
        }
        assertEquals(GROUPS.length, tested.size(), "every trial tested once");
    }

    @Test
    void holdoutTrainsOnSomeGroupsAndTestsOnOthers() {
        List<Split> s = new GroupHoldout(GROUPS, Set.of(1), Set.of(3)).split(Y);
        assertEquals(1, s.size());
        assertArrayEquals(new int[] {0, 1, 4, 7}, s.get(0).train());
        assertArrayEquals(new int[] {3, 5, 8}, s.get(0).test());
        Split all = GroupHoldout.testOn(GROUPS, Set.of(2)).split(Y).get(0);
        assertArrayEquals(new int[] {2, 6}, all.test());
        assertArrayEquals(new int[] {0, 1, 3, 4, 5, 7, 8}, all.train());
    }

    @Test
    void rejectsInvalidGroupings() {
        assertThrows(IllegalArgumentException.class, () -> new LeaveOneGroupOut(new int[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new LeaveOneGroupOut(GROUPS).split(new int[3]));
        assertThrows(IllegalArgumentException.class, () -> new GroupHoldout(GROUPS, Set.of(1, 2), Set.of(2)));
        assertThrows(IllegalArgumentException.class, () -> new GroupHoldout(GROUPS, Set.of(1), Set.of(7)));
        assertThrows(IllegalArgumentException.class, () -> new GroupHoldout(GROUPS, Set.of(), Set.of(1)));
    }

    @Test
    void groupsAreCopied() {
        int[] g = GROUPS.clone();
        LeaveOneGroupOut l = new LeaveOneGroupOut(g);
        g[0] = 99;
        assertEquals(1, l.groups()[0]);
    }
}
