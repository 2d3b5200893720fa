package cn.gov.shanwei.xinyixing.redlist.boundary;

import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fired in the intake's transaction for a batch that removes entries (revocations), once it has
 * passed every check and before it is written: observers still see the list as it stood, so they
 * can tell who loses the discount and who keeps it through another entry. If the batch is not
 * written after all, the transaction takes their reactions back with it.
 *
 * @param categoriesByIdNumber for each person, in plain (never logged: see {@link #toString()}),
 *                             the categories withdrawn
 */
public record EntriesWithdrawn(Map<String, Set<String>> categoriesByIdNumber) {

    public EntriesWithdrawn {
        categoriesByIdNumber = Map.copyOf(categoriesByIdNumber);
    }

    @Override
    public String toString() {
        return "EntriesWithdrawn" + categoriesByIdNumber.entrySet().stream()
                .collect(Collectors.toMap(e -> Masking.idNumber(e.getKey()), Map.Entry::getValue));
    }
}
