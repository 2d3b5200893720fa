package cn.gov.shanwei.xinyixing.eligibility.boundary;

import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.redlist.boundary.EntriesWithdrawn;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Turns red-list removals into {@link DiscountWithdrawn} for exactly the people they leave without
 * a qualifying entry: someone who keeps the discount through another entry keeps their codes.
 */
@Stateless
public class DiscountWatch {

    @EJB
    Eligibility eligibility;

    @Inject
    IdNumberProtection idNumbers;

    @Inject
    Clock clock;

    @Inject
    Event<DiscountWithdrawn> withdrawn;

    public void onEntriesWithdrawn(@Observes EntriesWithdrawn removal) {
        LocalDate today = LocalDate.now(clock);
        for (Map.Entry<String, Set<String>> person : removal.categoriesByIdNumber().entrySet()) {
            if (eligibility.decide(person.getKey(), today).eligible()
                    && !eligibility.decideWithout(person.getKey(), today, person.getValue()).eligible()) {
                withdrawn.fire(new DiscountWithdrawn(idNumbers.indexes(person.getKey()),
                        DiscountWithdrawn.Cause.REDLIST_REMOVED));
            }
        }
    }
}
