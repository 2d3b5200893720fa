package cn.gov.shanwei.xinyixing.settlement.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in a closed day between two roll-ups of it: per group, fresh minus before, only where
 * something moved. A trip that moves from one outcome to another (a charge that settled, a flag raised)
 * shows as −1 in the old group and +1 in the new one, so the adjustments of a day always add up to the
 * change of its totals.
 */
public final class RollUpDiff {

    /** One group's change. */
    public record Change(RollUpGroup group, Totals delta) {
    }

    private static final Comparator<RollUpGroup> ORDER = Comparator.comparingLong(RollUpGroup::companyId)
            .thenComparingLong(RollUpGroup::routeId).thenComparing(RollUpGroup::concession)
            .thenComparing(RollUpGroup::outcome);

    private RollUpDiff() {
    }

    public static List<Change> between(Map<RollUpGroup, Totals> before, Map<RollUpGroup, Totals> fresh) {
        Set<RollUpGroup> groups = new HashSet<>(before.keySet());
        groups.addAll(fresh.keySet());
        List<Change> changes = new ArrayList<>();
        groups.stream().sorted(ORDER).forEach(group -> {
            Totals delta = fresh.getOrDefault(group, Totals.NONE).minus(before.getOrDefault(group, Totals.NONE));
            if (!delta.isZero()) {
                changes.add(new Change(group, delta));
            }
        });
        return changes;
    }
}
