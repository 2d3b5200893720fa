package cn.gov.shanwei.xinyixing.account.boundary;

import cn.gov.shanwei.xinyixing.account.control.Citizen;
import cn.gov.shanwei.xinyixing.account.entity.CitizenAccount;
import cn.gov.shanwei.xinyixing.eligibility.boundary.Eligibility;
import cn.gov.shanwei.xinyixing.eligibility.control.Decision;
import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.redlist.boundary.RedListEntries;
import cn.gov.shanwei.xinyixing.redlist.entity.Category;
import cn.gov.shanwei.xinyixing.redlist.entity.RedListEntry;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The citizen's own credit file (R6): which red-list entries they hold and until when, and the
 * concession they get today with the reasons — what the 善美码 page of the mini-program shows.
 */
@Stateless
public class CreditFile {

    /** The whole page. Personal data only masked. */
    public record View(String idNumberMasked, String nameMasked, String accountStatus, String accountType,
                       List<Listing> listings, Today today) {
    }

    /** One red-list entry. */
    public record Listing(String categoryCode, String categoryZh, String categoryEn, LocalDate validTo, boolean revoked) {
    }

    /** Today's decision. */
    public record Today(LocalDate date, boolean eligible, String concession, int rateBasisPoints, List<Reason> reasons) {
    }

    /** One reason of the decision. */
    public record Reason(String code, String message) {
    }

    @EJB
    RedListEntries redList;

    @Inject
    IdNumberProtection idNumbers;

    @Inject
    Clock clock;

    @EJB
    Eligibility eligibility;

    @EJB
    Accounts accounts;

    public View of(Citizen citizen) {
        LocalDate today = LocalDate.now(clock);
        List<Listing> listings = redList.of(idNumbers.indexes(citizen.idNumber())).stream()
                .map(this::listing)
                .toList();
        Decision decision = eligibility.decide(citizen.idNumber(), today);
        CitizenAccount account = accounts.openAccountOf(citizen).orElse(null);
        return new View(Masking.idNumber(citizen.idNumber()), Masking.name(citizen.name()),
                account == null ? "NONE" : account.status().name(), account == null ? null : account.accountType().name(),
                listings,
                new Today(today, decision.eligible(), decision.concession() == null ? null : decision.concession().name(),
                        decision.rateBasisPoints(),
                        decision.reasons().stream().map(r -> new Reason(r.code(), r.message())).toList()));
    }

    private Listing listing(RedListEntry entry) {
        Category category = redList.category(entry.categoryCode()).orElse(null);
        return new Listing(entry.categoryCode(), category == null ? entry.categoryCode() : category.nameZh(),
                category == null ? entry.categoryCode() : category.nameEn(), entry.validTo(), entry.revoked());
    }
}
