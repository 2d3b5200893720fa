package cn.gov.shanwei.xinyixing.settlement.web;

import cn.gov.shanwei.xinyixing.access.entity.Roles;
import cn.gov.shanwei.xinyixing.platform.clock.ClockProducer;
import cn.gov.shanwei.xinyixing.settlement.boundary.Reconciliations;
import cn.gov.shanwei.xinyixing.settlement.control.Yuan;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;

/**
 * The reconciliation page: the days of a year with both sides' figures, the matched part and its claim; a
 * day's differences on request; operator staff reconcile a day again or every day still due. The boundary
 * checks the role again.
 */
@Named
@ViewScoped
public class ReconciliationPage implements Serializable {

    @EJB
    transient Reconciliations reconciliations;

    @Inject
    transient SecurityContext security;

    private int year = Year.now(ClockProducer.SHANWEI).getValue();
    private List<Reconciliations.Day> days;
    private Reconciliations.Reconciled shown;

    public boolean isMayReconcile() {
        return security.isCallerInRole(Roles.OPERATOR_STAFF) || security.isCallerInRole(Roles.ADMIN);
    }

    public List<Reconciliations.Day> getDays() {
        if (days == null) {
            days = reconciliations.days(Year.of(Math.max(2000, Math.min(2100, year))));
        }
        return days;
    }

    public void refresh() {
        days = null;
    }

    public void show(String billDate) {
        act(() -> shown = reconciliations.day(LocalDate.parse(billDate)));
    }

    public void again(String billDate) {
        act(() -> shown = reconciliations.reconcile(LocalDate.parse(billDate)));
    }

    public void due() {
        act(reconciliations::catchUpByHand);
    }

    public String yuan(Long fen) {
        return fen == null ? "" : Yuan.text(fen);
    }

    private void act(Runnable action) {
        RefusalMessages.shownIfRefused(action);
        days = null;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public Reconciliations.Reconciled getShown() {
        return shown;
    }
}
