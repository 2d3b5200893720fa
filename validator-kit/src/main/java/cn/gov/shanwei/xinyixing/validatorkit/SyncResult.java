package cn.gov.shanwei.xinyixing.validatorkit;

import java.time.Instant;

/**
 * What one sync brought.
 *
 * @param entriesReceived blacklist entries in the answer (the delta since the version held)
 * @param fullReload      the server's list was behind ours (e.g. its database restored), so the whole list was
 *                        fetched again and replaced ours
 */
public record SyncResult(Instant serverTime, DeviceInfo device, int caKeys, long blacklistVersion,
        int entriesReceived, int accountsRevoked, boolean fullReload) {
}
