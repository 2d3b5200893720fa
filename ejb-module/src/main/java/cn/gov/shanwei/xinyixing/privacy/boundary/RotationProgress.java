package cn.gov.shanwei.xinyixing.privacy.boundary;

import java.util.List;

/**
 * Where a key rotation stands after one call.
 *
 * @param keyVersion        the version in force, which every row is being moved to
 * @param moved             rows re-encrypted and re-indexed by this call
 * @param remaining         rows with a cipher still under another version (including refused ones)
 * @param indexOnlyRemaining rows without a cipher (erased, or tables that keep only the index) still under
 *                          another index key because no row of the same person had a cipher to learn the
 *                          new index from; they stay findable while their key stays configured
 * @param refused           rows whose cipher does not decrypt where it is ({@code table#id}); left untouched
 * @param millis            time this call took
 */
public record RotationProgress(int keyVersion, int moved, long remaining, long indexOnlyRemaining,
                               List<String> refused, long millis) {

    public boolean complete() {
        return remaining == 0;
    }

    /** Throughput of this call, for the operator's planning. */
    public long rowsPerSecond() {
        return millis == 0 ? moved * 1000L : moved * 1000L / millis;
    }
}
