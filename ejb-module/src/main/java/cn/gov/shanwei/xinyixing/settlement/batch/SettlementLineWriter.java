package cn.gov.shanwei.xinyixing.settlement.batch;

import cn.gov.shanwei.xinyixing.settlement.boundary.SettlementProgress;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Copies each range into the version's frozen basis, in the chunk's transaction. */
@Named
@Dependent
public class SettlementLineWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    SettlementProgress progress;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            TripRangeReader.Range range = (TripRangeReader.Range) item;
            progress.copy(Long.parseLong(runId), range.from(), range.to());
        }
    }
}
