package cn.gov.shanwei.xinyixing.account.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A refused account request: its {@link AccountRefusal}, a message and, where useful, the reasons. */
@ApplicationException(rollback = true)
public class AccountRefused extends RuntimeException {

    private final AccountRefusal refusal;
    private final List<String> reasons;

    public AccountRefused(AccountRefusal refusal) {
        this(refusal, refusal.message(), List.of());
    }

    public AccountRefused(AccountRefusal refusal, String message, List<String> reasons) {
        super(message);
        this.refusal = refusal;
        this.reasons = List.copyOf(reasons);
    }

    public AccountRefusal refusal() {
        return refusal;
    }

    public String code() {
        return refusal.name();
    }

    public int status() {
        return refusal.status();
    }

    public List<String> reasons() {
        return reasons;
    }
}
