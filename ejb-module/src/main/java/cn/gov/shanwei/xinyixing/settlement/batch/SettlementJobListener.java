package cn.gov.shanwei.xinyixing.settlement.batch;

import cn.gov.shanwei.xinyixing.settlement.boundary.JobLiveness;
import cn.gov.shanwei.xinyixing.settlement.boundary.SettlementProgress;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Tells the version when its execution lives and how it ended. */
@Named
@Dependent
public class SettlementJobListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String runId;

    @Inject
    SettlementProgress progress;

    @Override
    public void beforeJob() {
        JobLiveness.started(job.getExecutionId());
    }

    @Override
    public void afterJob() {
        try {
            BatchStatus status = job.getBatchStatus();
            if (status != BatchStatus.COMPLETED) {
                progress.ended(Long.parseLong(runId), status == BatchStatus.STOPPING || status == BatchStatus.STOPPED,
                        job.getExitStatus() == null ? status.name() : job.getExitStatus());
            }
        } finally {
            JobLiveness.ended(job.getExecutionId());
        }
    }
}
