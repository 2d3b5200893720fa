package cn.gov.shanwei.xinyixing.eligibility.boundary;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.eligibility.entity.ConcessionRecord;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.redlist.control.IdNumberCheck;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
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

    /** One holding as the card operator sends it. */
    public record Holding(String idNumber, String concessionType, String accountType, LocalDate validFrom,
                          LocalDate validTo) {
    }

    /** A refused import: each problem with the index of its row. */
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

    public int replace(List<Holding> holdings) {
        List<String> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < holdings.size(); i++) {
            Holding holding = holdings.get(i);
            if (holding.idNumber() == null || IdNumberCheck.check(holding.idNumber(), today).isPresent()) {
                problems.add(i + ": ID_NUMBER_MALFORMED");
            }
            if (!isOtherConcession(holding.concessionType())) {
                problems.add(i + ": CONCESSION_TYPE_UNKNOWN");
            }
            if (holding.accountType() == null || holding.accountType().isBlank()) {
                problems.add(i + ": ACCOUNT_TYPE_MISSING");
            }
            if (holding.validFrom() == null || (holding.validTo() != null && holding.validTo().isBefore(holding.validFrom()))) {
                problems.add(i + ": VALIDITY_INVALID");
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefused(problems);
        }
        for (Holding holding : holdings) {
            em.createQuery("delete from ConcessionRecord c where c.idNumber.index in :indexes")
                    .setParameter("indexes", idNumbers.indexes(holding.idNumber()))
                    .executeUpdate();
        }
        for (Holding holding : holdings) {
            em.persist(new ConcessionRecord(idNumbers.indexed(holding.idNumber()), holding.concessionType(), holding.accountType(),
                    holding.validFrom(), holding.validTo(), clock.instant()));
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
