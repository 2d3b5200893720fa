package cn.gov.shanwei.xinyixing.eligibility.boundary;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.eligibility.entity.ConcessionHolding;
import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.redlist.control.IdNumberCheck;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The register of other concessions (R4), fed by the card operator from its account types. An
 * import replaces what is recorded for the people it names, and is taken whole or not at all.
 */
@Stateless
public class ConcessionRegister {

    /** One holding as the card operator sends it. Never logged whole: {@link #toString()} masks. */
    public record Holding(String idNumber, String concessionType, String accountType, LocalDate validFrom,
                          LocalDate validTo) {

        @Override
        public String toString() {
            return "Holding[" + Masking.idNumber(idNumber) + ", " + concessionType + ", " + accountType + ", "
                    + validFrom + ".." + validTo + "]";
        }
    }

    /** What can be wrong with one row of an import. */
    public enum ImportProblem { ID_NUMBER_MALFORMED, CONCESSION_TYPE_UNKNOWN, ACCOUNT_TYPE_MISSING, VALIDITY_INVALID }

    /** A refused import: each problem with the index of its row ("row: CODE"). */
    @ApplicationException(rollback = true)
    public static class ImportRefused extends RuntimeException {
        private final List<String> problems;

        public ImportRefused(List<String> problems) {
            super(problems.size() + " problem(s)");
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    IdNumberProtection idNumbers;

    @Inject
    Clock clock;

    @Inject
    Event<DiscountWithdrawn> withdrawn;

    public int replace(List<Holding> holdings) {
        List<String> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < holdings.size(); i++) {
            Holding holding = holdings.get(i);
            if (holding.idNumber() == null || IdNumberCheck.check(holding.idNumber(), today).isPresent()) {
                problems.add(i + ": " + ImportProblem.ID_NUMBER_MALFORMED);
            }
            if (!isOtherConcession(holding.concessionType())) {
                problems.add(i + ": " + ImportProblem.CONCESSION_TYPE_UNKNOWN);
            }
            if (holding.accountType() == null || holding.accountType().isBlank()) {
                problems.add(i + ": " + ImportProblem.ACCOUNT_TYPE_MISSING);
            }
            if (holding.validFrom() == null || (holding.validTo() != null && holding.validTo().isBefore(holding.validFrom()))) {
                problems.add(i + ": " + ImportProblem.VALIDITY_INVALID);
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefused(problems);
        }
        for (Holding holding : holdings) {
            em.createQuery("delete from ConcessionHolding c where c.idNumber.index in :indexes")
                    .setParameter("indexes", idNumbers.indexes(holding.idNumber()))
                    .executeUpdate();
        }
        for (Holding holding : holdings) {
            ConcessionHolding imported = new ConcessionHolding(idNumbers.indexed(holding.idNumber()),
                    ConcessionType.valueOf(holding.concessionType()), holding.accountType(), holding.validFrom(),
                    holding.validTo(), clock.instant());
            em.persist(imported);
            // R4: a concession in force today excludes 信易行 from now on, not from the next renewal
            if (imported.heldOn(today)) {
                withdrawn.fire(new DiscountWithdrawn(idNumbers.indexes(holding.idNumber()),
                        DiscountWithdrawn.Cause.OTHER_CONCESSION));
            }
        }
        return holdings.size();
    }

    private static boolean isOtherConcession(String type) {
        try {
            return type != null && ConcessionType.valueOf(type).excludesXinyixing();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
