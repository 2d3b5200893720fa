package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.account.boundary.Accounts;
import cn.gov.shanwei.xinyixing.eligibility.boundary.Eligibility;
import cn.gov.shanwei.xinyixing.eligibility.entity.PolicyVersion;
import cn.gov.shanwei.xinyixing.payment.boundary.Charges;
import cn.gov.shanwei.xinyixing.ridecode.control.Authorisation;
import cn.gov.shanwei.xinyixing.ridecode.control.CardData;
import cn.gov.shanwei.xinyixing.ridecode.control.Verification;
import cn.gov.shanwei.xinyixing.trip.entity.TripRecord;
import cn.gov.shanwei.xinyixing.trip.entity.TripState;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.LocalDate;

/**
 * Writes the verifier's verdict into a trip, the same way for an online scan and an uploaded record:
 * who the code names, and then either the price with its concession and rule version, or the reason.
 */
@Stateless
@PermitAll
public class TripDecisions {

    @EJB
    Accounts accounts;

    @EJB
    Eligibility eligibility;

    @EJB
    Charges charges;

    public void apply(TripRecord trip, Verification verification, LocalDate day) {
        if (verification.code() != null) {
            Authorisation authorisation = verification.code().authorisation();
            trip.identify(authorisation.paymentAccount(), verification.code().generationTime(),
                    authorisation.cardData().map(CardData::serial).orElse(0L));
        }
        if (!verification.ok()) {
            trip.refuse(verification.reason());
            return;
        }
        Authorisation authorisation = verification.code().authorisation();
        accounts.byPaymentAccountNo(authorisation.paymentAccount())
                .ifPresent(account -> trip.rider(account.id(), account.idNumber().index()));
        // R4: one concession per ride — the one the credential carries, at the rate it carries
        trip.accept(verification.fare(), authorisation.cardData().map(CardData::concession).orElse(null),
                authorisation.cardData().map(CardData::rateBasisPoints).orElse(0),
                eligibility.policyOn(day).map(PolicyVersion::id).orElse(null));
    }

    /**
     * An accepted trip owes its charged fare, in the trip's own transaction (after it has its id), so
     * that no accepted ride exists without its debt; the deduction happens later, outside the scan.
     */
    public void owe(TripRecord trip) {
        if (trip.state() == TripState.ACCEPTED && trip.accountId() != null) {
            charges.owe(trip.id(), trip.accountId(), trip.paymentAccountNo(), trip.originalFen(), trip.chargedFen(),
                    trip.riddenAt());
        }
    }
}
