package cn.gov.shanwei.xinyixing.account.entity;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import java.util.Arrays;
import java.util.Optional;

/**
 * The account type a citizen chooses at registration (R9): the standard fare, 信易行, or one of the
 * concessions the card operator already grants. Stored by name in {@code citizen_account.account_type}.
 */
public enum AccountType {
    STANDARD(null),
    XINYIXING(ConcessionType.XINYIXING),
    ELDERLY(ConcessionType.ELDERLY),
    ACTIVE_SERVICEMAN(ConcessionType.ACTIVE_SERVICEMAN),
    DISABLED_SERVICEMAN(ConcessionType.DISABLED_SERVICEMAN),
    POLICE_DISABLED_ON_DUTY(ConcessionType.POLICE_DISABLED_ON_DUTY),
    DISABLED_PERSON(ConcessionType.DISABLED_PERSON),
    SPECIAL_CARE(ConcessionType.SPECIAL_CARE),
    STUDENT(ConcessionType.STUDENT);

    private final ConcessionType concession;

    AccountType(ConcessionType concession) {
        this.concession = concession;
    }

    /** The concession rides on this account carry; empty for the standard fare. */
    public Optional<ConcessionType> concession() {
        return Optional.ofNullable(concession);
    }

    /** The type a client named, if it names one. */
    public static Optional<AccountType> named(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }
}
