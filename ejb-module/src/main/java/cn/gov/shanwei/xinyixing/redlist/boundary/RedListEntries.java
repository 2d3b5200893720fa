package cn.gov.shanwei.xinyixing.redlist.boundary;

import cn.gov.shanwei.xinyixing.redlist.entity.Category;
import cn.gov.shanwei.xinyixing.redlist.entity.RedListEntry;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Reads the red list as it stands, for the areas that decide on it (eligibility) or show it (the
 * citizen's credit file). The red list's tables are written only by {@link RedListIntake}.
 */
@Stateless
public class RedListEntries {

    @PersistenceContext
    EntityManager em;

    /**
     * A person's entries, current or not (a removal keeps its row, marked revoked), by the person's
     * ID indexes under every configured index key ({@code IdNumberProtection.indexes}).
     */
    public List<RedListEntry> of(List<byte[]> idNumberIndexes) {
        return em.createQuery("select e from RedListEntry e where e.idNumber.index in :indexes", RedListEntry.class)
                .setParameter("indexes", idNumberIndexes)
                .getResultList();
    }

    /** A category by its code, active or not (an entry may outlive its category's use). */
    public Optional<Category> category(String code) {
        return Optional.ofNullable(em.find(Category.class, code));
    }

    /** The categories in use: the open list of R2, one row each. */
    public List<Category> activeCategories() {
        return em.createQuery("select c from Category c where c.active = true", Category.class).getResultList();
    }
}
