package cn.gov.shanwei.xinyixing.settlement.batch;

import cn.gov.shanwei.xinyixing.settlement.boundary.SettlementPackages;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Seals what the files step of the same execution wrote, and completes the version. */
@Named
@Dependent
public class PackageSealing extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String runId;

    @EJB
    SettlementPackages packages;

    @Override
    public String process() {
        SettlementPackages.Written written = (SettlementPackages.Written) job.getTransientUserData();
        packages.seal(Long.parseLong(runId), written.dir(), written.subsidised());
        return "SEALED";
    }
}
