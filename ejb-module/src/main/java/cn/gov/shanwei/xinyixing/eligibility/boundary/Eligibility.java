package cn.gov.shanwei.xinyixing.eligibility.boundary;

import cn.gov.shanwei.xinyixing.eligibility.control.CategoryRule;
import cn.gov.shanwei.xinyixing.eligibility.control.Decision;
import cn.gov.shanwei.xinyixing.eligibility.control.EligibilityRules;
import cn.gov.shanwei.xinyixing.eligibility.control.Qualification;
import cn.gov.shanwei.xinyixing.eligibility.entity.ConcessionHolding;
import cn.gov.shanwei.xinyixing.eligibility.entity.PolicyVersion;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.redlist.boundary.RedListEntries;
import cn.gov.shanwei.xinyixing.redlist.entity.Category;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who gets which concession on a day, and why (R2–R5, R17). Reads the person's red-list entries,
 * other concessions and the policy versions, and leaves the deciding to {@link EligibilityRules}
 * so that the rules are tested without a server.
 */
@Stateless
public class Eligibility {

    @PersistenceContext
    EntityManager em;

    @Inject
    IdNumberProtection idNumbers;

    @EJB
    RedListEntries redList;

    private final EligibilityRules rules = new EligibilityRules();

    /** The policy version in force on a day: the rule a ride of that day is discounted and claimed under. */
    public Optional<PolicyVersion> policyOn(LocalDate date) {
        return em.createQuery("select p from PolicyVersion p where p.effectiveFrom <= :day and p.expiresOn >= :day"
                        + " order by p.effectiveFrom desc", PolicyVersion.class)
                .setParameter("day", date).setMaxResults(1).getResultList().stream().findFirst();
    }

    public Decision decide(String idNumber, LocalDate date) {
        return decideWithout(idNumber, date, Set.of());
    }

    /**
     * The decision as it will be once the named categories are withdrawn: lets the intake tell,
     * before it writes a removal, whether the person keeps the discount through another entry.
     */
    public Decision decideWithout(String idNumber, LocalDate date, Set<String> withdrawnCategories) {
        List<byte[]> indexes = idNumbers.indexes(idNumber);
        List<Qualification> entries = redList.of(indexes).stream()
                .filter(entry -> !withdrawnCategories.contains(entry.categoryCode()))
                .map(entry -> new Qualification(entry.id(), entry.categoryCode(), entry.details(), entry.validFrom(),
                        entry.validTo(), entry.residency(), entry.revoked()))
                .toList();
        List<ConcessionHolding> concessions = em.createQuery(
                        "select c from ConcessionHolding c where c.idNumber.index in :indexes", ConcessionHolding.class)
                .setParameter("indexes", indexes)
                .getResultList();
        List<PolicyVersion> policies = em.createQuery("select p from PolicyVersion p", PolicyVersion.class).getResultList();
        return rules.decide(date, idNumber, entries, concessions, policies, categories());
    }

    private Function<String, Optional<CategoryRule>> categories() {
        Map<String, CategoryRule> byCode = redList.activeCategories().stream()
                .collect(Collectors.toMap(Category::code, category -> new CategoryRule(category.code(), category.nameZh(),
                        category.nameEn(), category.ruleKind(), category.threshold(), category.grades())));
        return code -> Optional.ofNullable(byCode.get(code));
    }
}
