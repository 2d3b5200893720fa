package cn.gov.shanwei.xinyixing.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A settlement run whose server is killed with {@code kill -9} half-way resumes by itself when the
 * server is back, from its last committed chunk, and ends with one complete result: every trip of the
 * year in its basis exactly once, the package sealed and verifying.
 */
public abstract class SettlementFaultChecks {

    @Test
    void aRunKilledMidwayResumesFromItsLastCheckpointAndFinishesWithOneResult() throws Exception {
        int year = Settlement.yesterday().getYear();
        Settlement.awaitNoRunning();
        // One trip id per checkpoint: thousands of chunks, so the kill lands inside the basis step
        long runId = Settlement.start(year, "中断恢复检查 / kill and resume", 1).getJsonNumber("id").longValue();
        JsonObject run = Settlement.run(runId);
        long total = run.getJsonNumber("rowsTotal").longValue();
        assertTrue(total > 10, "the suite's year has trips to settle: " + total);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (progress(runId)[0] == 0) {
            assertTrue(Instant.now().isBefore(deadline), "the run never started copying");
            Thread.sleep(20);
        }
        RunningSystem.killServer();
        long[] atKill = progress(runId);
        assertTrue(atKill[0] > 0 && atKill[0] < total, "killed mid-way: " + atKill[0] + " of " + total);

        RunningSystem.startServerAgain();
        RunningSystem.awaitReady();
        JsonObject done = Settlement.awaitCompleted(runId);
        assertEquals("COMPLETED", done.getString("status"));
        long[] after = progress(runId);
        assertEquals(total, after[0], "every trip of the year counted once");
        assertEquals(after[0], after[1], "no trip copied twice");
        assertTrue(Settlement.call("POST", "/runs/" + runId + "/verify", null, 200).getBoolean("ok"));
        assertEquals(1, completedWith(runId), "one result for the version");
    }

    /** rows_done of the version, and the rows actually in its basis. */
    private static long[] progress(long runId) throws Exception {
        try (Connection db = RunningSystem.openDatabase(); PreparedStatement query = db.prepareStatement(
                "SELECT r.rows_done, (SELECT COUNT(*) FROM settlement_line l WHERE l.run_id = r.id) FROM settlement_run r WHERE r.id = ?")) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
    }

    private static long completedWith(long runId) throws Exception {
        return ((Number) Settlement.value("SELECT COUNT(*) FROM settlement_run WHERE id = ? AND status = 'COMPLETED'"
                + " AND manifest_sm3 IS NOT NULL", runId)).longValue();
    }
}
