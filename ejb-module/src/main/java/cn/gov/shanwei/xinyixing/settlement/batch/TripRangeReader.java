package cn.gov.shanwei.xinyixing.settlement.batch;

import cn.gov.shanwei.xinyixing.settlement.boundary.SettlementProgress;
import cn.gov.shanwei.xinyixing.settlement.entity.SettlementRun;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Reads the version's year as ranges of trip ids, from where the version last got to. Its resumption
 * point is the version's own row ({@code next_trip_id}), committed with each chunk, not the batch
 * runtime's checkpoint: a new execution for the same version — after a kill — starts from there too.
 */
@Named
@Dependent
public class TripRangeReader extends AbstractItemReader {

    /** Trip ids {@code [from, to)}. */
    public record Range(long from, long to) implements Serializable {
    }

    @Inject
    @BatchProperty
    String runId;

    @Inject
    @BatchProperty
    String idsPerCheckpoint;

    @Inject
    SettlementProgress progress;

    private long next;
    private long last;
    private long size;

    @Override
    public void open(Serializable checkpoint) {
        SettlementRun run = progress.run(Long.parseLong(runId));
        next = run.nextTripId();
        last = run.lastTripId();
        size = Math.max(1, Long.parseLong(idsPerCheckpoint));
    }

    @Override
    public Object readItem() {
        if (next > last) {
            return null;
        }
        Range range = new Range(next, Math.min(next + size, last + 1));
        next = range.to();
        return range;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
