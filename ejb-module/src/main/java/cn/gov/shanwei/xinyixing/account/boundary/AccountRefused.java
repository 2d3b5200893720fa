package cn.gov.shanwei.xinyixing.account.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A refused account request, with a stable code, a message and, where useful, the reasons. */
@ApplicationException(rollback = true)
public class AccountRefused extends RuntimeException {

    private final String code;
    private final List<String> reasons;

    public AccountRefused(String code, String message, List<String> reasons) {
        super(message);
        this.code = code;
        this.reasons = List.copyOf(reasons);
    }

    public String code() {
        return code;
    }

    public List<String> reasons() {
        return reasons;
    }
}
