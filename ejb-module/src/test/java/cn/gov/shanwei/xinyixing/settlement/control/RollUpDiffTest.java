package cn.gov.shanwei.xinyixing.settlement.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollUpDiffTest {

    private static final RollUpGroup PENDING = new RollUpGroup(1, 10, "RED_LIST", Outcome.CHARGE_PENDING);
    private static final RollUpGroup PAID = new RollUpGroup(1, 10, "RED_LIST", Outcome.SUBSIDISED);
    private static final RollUpGroup OTHER_ROUTE = new RollUpGroup(1, 11, "", Outcome.SUBSIDISED);

    @Test
    void aDayThatDidNotChangeHasNoAdjustment() {
        Map<RollUpGroup, Totals> day = Map.of(PAID, new Totals(3, 600, 300, 300));
        assertTrue(RollUpDiff.between(day, Map.copyOf(day)).isEmpty());
    }

    @Test
    void aChargeThatSettledLaterMovesOneRideBetweenOutcomesAndTheDeltasAddUpToTheChange() {
        Map<RollUpGroup, Totals> before = Map.of(PENDING, new Totals(1, 200, 100, 100), PAID, new Totals(2, 400, 200, 200));
        Map<RollUpGroup, Totals> after = Map.of(PAID, new Totals(3, 600, 300, 300));
        List<RollUpDiff.Change> changes = RollUpDiff.between(before, after);
        assertEquals(List.of(new RollUpDiff.Change(PENDING, new Totals(-1, -200, -100, -100)),
                new RollUpDiff.Change(PAID, new Totals(1, 200, 100, 100))), changes);
        Totals net = changes.stream().map(RollUpDiff.Change::delta).reduce(Totals.NONE, Totals::plus);
        assertEquals(Totals.NONE, net, "a move between outcomes changes no total");
    }

    @Test
    void aLateUploadAddsAGroupThatWasNotThere() {
        Map<RollUpGroup, Totals> before = Map.of(PAID, new Totals(2, 400, 200, 200));
        Map<RollUpGroup, Totals> after = Map.of(PAID, new Totals(2, 400, 200, 200), OTHER_ROUTE, new Totals(1, 300, 150, 150));
        assertEquals(List.of(new RollUpDiff.Change(OTHER_ROUTE, new Totals(1, 300, 150, 150))), RollUpDiff.between(before, after));
    }
}
