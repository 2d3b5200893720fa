package cn.gov.shanwei.xinyixing.redlist.boundary;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.persistence.Constraints;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import cn.gov.shanwei.xinyixing.redlist.control.BatchSignature;
import cn.gov.shanwei.xinyixing.redlist.control.BatchValidator;
import cn.gov.shanwei.xinyixing.redlist.control.CanonicalForm;
import cn.gov.shanwei.xinyixing.redlist.control.EntryMessage;
import cn.gov.shanwei.xinyixing.redlist.control.Operation;
import cn.gov.shanwei.xinyixing.redlist.control.Rejection;
import cn.gov.shanwei.xinyixing.redlist.control.RejectionCode;
import cn.gov.shanwei.xinyixing.redlist.control.RequiredFigure;
import cn.gov.shanwei.xinyixing.redlist.entity.Category;
import cn.gov.shanwei.xinyixing.redlist.entity.RedListBatch;
import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Receives the red list from the credit platform (R1). One boundary sits behind SOAP, REST and the
 * scheduled pull, so the three can never disagree. A batch is checked in this order: size, the
 * platform's signature, whether it was seen before, its place in the sequence, then every entry;
 * any reason refuses it whole and nothing is written.
 */
@Stateless
public class RedListIntake {

    private static final Logger LOG = Logger.getLogger(RedListIntake.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "jdbc/xinyixing")
    DataSource dataSource;

    @Inject
    CreditPlatform platform;

    @Inject
    IdNumberProtection idNumbers;

    @Inject
    Clock clock;

    @EJB
    RedListEntries entries;

    @Inject
    Event<EntriesWithdrawn> withdrawn;

    @Resource
    SessionContext context;

    /**
     * Two pushes of one batch (or of two batches with one sequence number) can pass the checks at
     * the same moment; the database's keys let only one of them write. The other is tried again in a
     * fresh transaction, where it sees the winner and gets the answer it would have had a moment
     * later: {@code ALREADY_APPLIED}, {@code BATCH_ID_REUSED} or {@code SEQUENCE_REPLAYED}.
     */
    @ApplicationException(rollback = true)
    static class LostRace extends RuntimeException {
        LostRace(Throwable cause) {
            super("another intake wrote the same batch or sequence number first", cause);
        }
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IntakeResult receive(BatchMessage batch, String channel) {
        RedListIntake self = context.getBusinessObject(RedListIntake.class);
        try {
            return self.apply(batch, channel);
        } catch (LostRace e) {
            return self.apply(batch, channel);
        }
    }

    /** One attempt, in its own transaction: see {@link #receive}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public IntakeResult apply(BatchMessage batch, String channel) {
        int entries = batch.entries() == null ? 0 : batch.entries().size();
        if (entries > platform.maxBatchEntries()) {
            throw refused(RejectionCode.BATCH_TOO_LARGE);
        }
        Sm2PublicKey key = platform.publicKey().orElseThrow(() -> refused(RejectionCode.SIGNATURE_INVALID));
        if (!BatchSignature.verify(batch, key)) {
            throw refused(RejectionCode.SIGNATURE_INVALID);
        }
        byte[] digest = SmCrypto.sm3(CanonicalForm.of(batch));
        Optional<IntakeResult> seen = alreadyReceived(batch, digest);
        if (seen.isPresent()) {
            return seen.get();
        }
        long expected = lastSequenceNo() + 1;
        if (batch.sequenceNo() < expected) {
            // The same batch may have been committed by a concurrent push since it was looked up
            seen = alreadyReceived(batch, digest);
            if (seen.isPresent()) {
                return seen.get();
            }
        }
        if (batch.sequenceNo() != expected) {
            RejectionCode code = batch.sequenceNo() < expected ? RejectionCode.SEQUENCE_REPLAYED : RejectionCode.SEQUENCE_GAP;
            throw new BatchRejectedException(List.of(Rejection.of(Rejection.WHOLE_BATCH, code,
                    "应为 " + expected, "expected " + expected)));
        }
        List<Rejection> problems = new BatchValidator()
                .validate(batch, requiredFigures(), platform.maxBatchEntries(), LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new BatchRejectedException(problems);
        }
        Map<String, Set<String>> removals = removals(batch);
        if (!removals.isEmpty()) {
            withdrawn.fire(new EntriesWithdrawn(removals));
        }
        try (Connection connection = dataSource.getConnection()) {
            IntakeResult result = new EntryWriter(idNumbers).write(connection, batch, digest, channel, clock.instant());
            LOG.info(() -> "Red-list batch " + batch.batchId() + " #" + batch.sequenceNo() + " applied via " + channel
                    + ": +" + result.added() + " ~" + result.changed() + " -" + result.removed());
            return result;
        } catch (SQLException e) {
            if (Constraints.violated(e)) {
                throw new LostRace(e);
            }
            throw new IllegalStateException("Red-list batch " + batch.batchId() + " could not be written", e);
        }
    }

    /** Each person's withdrawn categories: observers decide whether the discount goes with them. */
    private static Map<String, Set<String>> removals(BatchMessage batch) {
        return batch.entries().stream()
                .filter(entry -> entry.operation() == Operation.REMOVE)
                .collect(Collectors.groupingBy(EntryMessage::idNumber,
                        Collectors.mapping(EntryMessage::categoryCode, Collectors.toSet())));
    }

    /** The answer for a batch id seen before: the same content is acknowledged, other content refused. */
    private Optional<IntakeResult> alreadyReceived(BatchMessage batch, byte[] digest) {
        return em.createQuery("select b from RedListBatch b where b.batchId = :id", RedListBatch.class)
                .setParameter("id", batch.batchId())
                .getResultStream().findFirst()
                .map(known -> {
                    if (!known.sameContentAs(digest)) {
                        throw refused(RejectionCode.BATCH_ID_REUSED);
                    }
                    return new IntakeResult(IntakeResult.Outcome.ALREADY_APPLIED, batch.batchId(), known.sequenceNo(),
                            known.addedCount(), known.changedCount(), known.removedCount());
                });
    }

    public IntakeStatus status() {
        long entries = em.createQuery("select count(e) from RedListEntry e where e.revokedAt is null", Long.class)
                .getSingleResult();
        return em.createQuery("select b from RedListBatch b order by b.sequenceNo desc", RedListBatch.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(last -> new IntakeStatus(last.batchId(), last.sequenceNo(), entries))
                .orElseGet(() -> new IntakeStatus(null, 0, entries));
    }

    long lastSequenceNo() {
        Long last = em.createQuery("select max(b.sequenceNo) from RedListBatch b", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    private Function<String, Optional<RequiredFigure>> requiredFigures() {
        Map<String, RequiredFigure> figures = entries.activeCategories().stream()
                .collect(Collectors.toMap(Category::code, category -> RequiredFigure.forRuleKind(category.ruleKind())));
        return code -> Optional.ofNullable(code == null ? null : figures.get(code));
    }

    private static BatchRejectedException refused(RejectionCode code) {
        return new BatchRejectedException(List.of(Rejection.ofBatch(code)));
    }
}
