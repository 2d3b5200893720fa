package cn.gov.shanwei.xinyixing.settlement.web;

import cn.gov.shanwei.xinyixing.access.entity.Roles;
import cn.gov.shanwei.xinyixing.settlement.boundary.AnnualSettlement;
import cn.gov.shanwei.xinyixing.settlement.boundary.PackageVerification;
import cn.gov.shanwei.xinyixing.settlement.control.Yuan;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.Year;
import java.util.List;

/**
 * The settlement page: every version of every year with its progress (rows done of total, and the batch
 * runtime's steps), its totals and seal; operator staff start a new version (confirming first that it
 * adds a version and replaces nothing), stop and resume one, and verify a sealed package. The boundary
 * checks the role again.
 */
@Named
@ViewScoped
public class SettlementPage implements Serializable {

    @EJB
    transient AnnualSettlement settlement;

    @EJB
    transient PackageVerification verification;

    @Inject
    transient SecurityContext security;

    private int year = Year.now().minusYears(1).getValue();
    private String reason;
    private boolean confirming;
    private List<AnnualSettlement.Run> runs;
    private PackageVerification.Result verified;
    private Long verifiedRun;

    public boolean isMayRun() {
        return security.isCallerInRole(Roles.OPERATOR_STAFF) || security.isCallerInRole(Roles.ADMIN);
    }

    public List<AnnualSettlement.Run> getRuns() {
        if (runs == null) {
            runs = settlement.runs();
        }
        return runs;
    }

    public boolean isAnyRunning() {
        return getRuns().stream().anyMatch(r -> "RUNNING".equals(r.status()));
    }

    public void refresh() {
        runs = null;
    }

    /** First click: ask; the run starts only on the confirmation. */
    public void ask() {
        confirming = true;
    }

    public void cancel() {
        confirming = false;
    }

    public void start() {
        confirming = false;
        act(() -> settlement.start(Year.of(year), reason, null));
        reason = null;
    }

    public void stop(long runId) {
        act(() -> settlement.stop(runId));
    }

    public void resume(long runId) {
        act(() -> settlement.resume(runId));
    }

    public void verify(long runId) {
        RefusalMessages.shownIfRefused(() -> {
            verified = verification.verify(runId);
            verifiedRun = runId;
        });
    }

    public String yuan(Long fen) {
        return fen == null ? "" : Yuan.text(fen);
    }

    private void act(Runnable action) {
        RefusalMessages.shownIfRefused(action);
        runs = null;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isConfirming() {
        return confirming;
    }

    public PackageVerification.Result getVerified() {
        return verified;
    }

    public Long getVerifiedRun() {
        return verifiedRun;
    }
}
