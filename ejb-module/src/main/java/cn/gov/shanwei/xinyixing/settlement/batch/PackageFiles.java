package cn.gov.shanwei.xinyixing.settlement.batch;

import cn.gov.shanwei.xinyixing.settlement.boundary.SettlementPackages;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Writes the version's files. Not resumable inside itself — a file half-written by a dead server is
 * worth nothing — so a new execution writes them again, from the frozen basis, into a fresh directory.
 */
@Named
@Dependent
public class PackageFiles extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String runId;

    @EJB
    SettlementPackages packages;

    private volatile boolean stopping;

    @Override
    public String process() {
        job.setTransientUserData(packages.write(Long.parseLong(runId), () -> stopping));
        return "WRITTEN";
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
