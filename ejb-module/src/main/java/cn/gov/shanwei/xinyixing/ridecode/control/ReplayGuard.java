package cn.gov.shanwei.xinyixing.ridecode.control;

/**
 * The validator's memory of codes it has accepted (check 7): a code is the account plus its generation time,
 * so the same displayed code cannot pay twice, even though it stays valid for its whole validity window.
 * Implementations must be thread-safe and must answer "first use" exactly once per key.
 */
@FunctionalInterface
public interface ReplayGuard {

    /**
     * Records the code and says whether it was new.
     *
     * @return {@code true} the first time this account and generation time are seen, {@code false} after
     */
    boolean firstUse(String paymentAccount, long generationTime);
}
