package cn.gov.shanwei.xinyixing.eligibility.control;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A concession a person holds according to the card operator's account data (R9: the account type
 * chosen at registration). Kept with its source code so a clerk can trace a refusal back to the
 * operator's record.
 *
 * @param type              the concession
 * @param validFrom         first day held, inclusive
 * @param validTo           last day held, inclusive; {@code null} when open-ended
 * @param sourceAccountType the operator's account type code the holding was imported from
 */
public record ConcessionHolding(ConcessionType type, LocalDate validFrom, LocalDate validTo,
                                String sourceAccountType) {

    public ConcessionHolding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid-to precedes valid-from");
        }
    }

    public boolean heldOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
