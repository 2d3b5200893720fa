package cn.gov.shanwei.xinyixing.privacy.boundary;

import cn.gov.shanwei.xinyixing.access.entity.Roles;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.platform.privacy.PersonalDataKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Rotates the personal-data keys while the system stays up. Putting a version in force makes every new
 * write use it at once; then the rows are moved in chunks, each its own short transaction, so that
 * lookups, intake and account opening go on between chunks (they match every configured index key).
 *
 * <p>Idempotent and resumable: a call moves at most {@code maxRows} rows and reports what is left; rows
 * already at the version are never touched again, and a row changed concurrently is skipped by its
 * compare-and-set and picked up by the next call. Call it again until {@link RotationProgress#complete()}.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class.getName());

    /** Tables whose rows carry a cipher, and so can tell their new index. */
    static final List<String> CIPHER_TABLES = List.of("redlist_entry", "citizen_account");

    static final int MAX_CHUNK = 500;

    @Inject
    PersonalDataKeys keys;

    @Inject
    IdNumberProtection idNumbers;

    @EJB
    KeyRotationStep steps;

    public RotationProgress rotate(int toVersion, int maxRows, int chunkSize) {
        if (!idNumbers.hasVersion(toVersion)) {
            throw new RotationRefused(RotationRefused.Code.KEY_VERSION_NOT_CONFIGURED,
                    "未配置第 " + toVersion + " 版个人信息密钥 / Personal-data keys of version " + toVersion + " are not configured");
        }
        if (maxRows < 1 || chunkSize < 1 || chunkSize > MAX_CHUNK) {
            throw new RotationRefused(RotationRefused.Code.CHUNK_SIZE_INVALID,
                    "每批行数须在 1 到 " + MAX_CHUNK + " 之间 / Chunk size must be between 1 and " + MAX_CHUNK);
        }
        long started = System.nanoTime();
        if (keys.currentVersion() != toVersion) {
            keys.putInForce(toVersion);
            LOG.info("Personal-data key version " + toVersion + " put in force; moving rows");
        }
        int moved = 0;
        List<String> refused = new ArrayList<>();
        for (String table : CIPHER_TABLES) {
            long afterId = 0;
            while (moved < maxRows) {
                KeyRotationStep.Chunk chunk = steps.move(table, toVersion, afterId, Math.min(chunkSize, maxRows - moved));
                moved += chunk.moved();
                refused.addAll(chunk.refused());
                if (chunk.seen() == 0) {
                    break;
                }
                afterId = chunk.lastId();
            }
        }
        RotationProgress progress = new RotationProgress(toVersion, moved, steps.remaining(toVersion),
                steps.indexOnlyRemaining(toVersion), List.copyOf(refused), (System.nanoTime() - started) / 1_000_000);
        LOG.info("Personal-data key rotation to version " + toVersion + ": " + progress.moved() + " rows moved, "
                + progress.remaining() + " remaining, " + refused.size() + " refused, " + progress.rowsPerSecond() + " rows/s");
        return progress;
    }

    /** Where the rotation to the version in force stands, without moving anything. */
    public RotationProgress status() {
        int version = keys.currentVersion();
        return new RotationProgress(version, 0, steps.remaining(version), steps.indexOnlyRemaining(version), List.of(), 0);
    }
}
