package cn.gov.shanwei.xinyixing.eligibility.web;

import cn.gov.shanwei.xinyixing.eligibility.boundary.Eligibility;
import cn.gov.shanwei.xinyixing.eligibility.control.Decision;
import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import cn.gov.shanwei.xinyixing.redlist.control.IdNumberCheck;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Backs the eligibility page: staff enter an ID number and a day and see the decision with every
 * reason (R2–R5), e.g. to answer a citizen who asks why the discount did not apply. The number is
 * shown back only masked, and never put back into the field: not after a decision, not after an
 * error, whichever field the error was in.
 */
@Named
@RequestScoped
public class EligibilityLookup {

    @EJB
    Eligibility eligibility;

    @Inject
    Clock clock;

    @Inject
    FacesContext faces;

    private String idNumber;
    private String date;
    private Decision decision;
    private String maskedIdNumber;

    public void decide() {
        String id = idNumber == null ? "" : idNumber.strip();
        if (IdNumberCheck.check(id, LocalDate.now(clock)).isPresent()) {
            refuse("eligibility.idInvalid");
            return;
        }
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(clock) : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            refuse("eligibility.dateInvalid");
            return;
        }
        decision = eligibility.decide(id, day);
        maskedIdNumber = Masking.idNumber(id);
        date = day.toString();
        // The plain number does not travel back to the browser
        idNumber = null;
    }

    private void refuse(String key) {
        idNumber = null;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                faces.getApplication().getResourceBundle(faces, "msg").getString(key), null));
    }

    public Decision getDecision() {
        return decision;
    }

    /** 5000 basis points → "50". */
    public String getRatePercent() {
        return decision == null ? "" : BigDecimal.valueOf(decision.rateBasisPoints(), 2).stripTrailingZeros().toPlainString();
    }

    public String getMaskedIdNumber() {
        return maskedIdNumber;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }
}
