package cn.gov.shanwei.xinyixing.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.shanwei.xinyixing.access.control.FirstAdministratorBootstrap.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstAdministratorBootstrapTest {

    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");

    /** The staff table and the bootstrap record, in memory; the record admits one row like its primary key. */
    private static class Database implements FirstAdministratorBootstrap.Store {
        final List<String> staff = new ArrayList<>();
        String recordedFor;

        @Override
        public boolean bootstrapUsed() {
            return recordedFor != null;
        }

        @Override
        public long staffCount() {
            return staff.size();
        }

        @Override
        public void createAdministrator(String username, char[] password) {
            staff.add(username + ":" + new String(password));
        }

        @Override
        public void recordBootstrap(String username, Instant at) {
            if (recordedFor != null) {
                throw new IllegalStateException("duplicate key");
            }
            recordedFor = username;
        }
    }

    private static char[] secret() {
        return "Shanwei-First-Admin-2026".toCharArray();
    }

    @Test
    void createsTheFirstAdministratorOnceAndOnlyOnce() {
        Database db = new Database();

        assertEquals(Outcome.CREATED, FirstAdministratorBootstrap.run(db, "admin", secret(), NOW));
        assertEquals(List.of("admin:Shanwei-First-Admin-2026"), db.staff);
        assertEquals(Outcome.ALREADY_USED, FirstAdministratorBootstrap.run(db, "admin2", secret(), NOW));

        db.staff.clear();
        assertEquals(Outcome.ALREADY_USED, FirstAdministratorBootstrap.run(db, "admin2", secret(), NOW),
                "an emptied staff table does not reopen the bootstrap");
        assertEquals(List.of(), db.staff);
    }

    @Test
    void aDatabaseWithStaffIsLeftAlone() {
        Database db = new Database();
        db.staff.add("bureau:x");

        assertEquals(Outcome.STAFF_EXIST, FirstAdministratorBootstrap.run(db, "admin", secret(), NOW));
        assertEquals(1, db.staff.size());
        assertEquals(null, db.recordedFor);
    }

    @Test
    void noSecretNoBootstrapAndShortSecretsAreRefused() {
        Database db = new Database();

        assertEquals(Outcome.NOT_REQUESTED, FirstAdministratorBootstrap.run(db, "admin", null, NOW));
        assertEquals(Outcome.PASSWORD_TOO_SHORT, FirstAdministratorBootstrap.run(db, "admin", "short".toCharArray(), NOW));
        assertEquals(List.of(), db.staff);
        assertEquals(Outcome.CREATED, FirstAdministratorBootstrap.run(db, "admin", secret(), NOW), "refusals used nothing up");
    }

    @Test
    void aSecondInstanceRacingTheFirstFailsOnTheRecord() {
        FirstAdministratorBootstrap.Store racing = new Database() {
            @Override
            public void recordBootstrap(String username, Instant at) {
                throw new IllegalStateException("duplicate key");
            }
        };
        assertThrows(IllegalStateException.class, () -> FirstAdministratorBootstrap.run(racing, "admin", secret(), NOW));
        assertEquals(0, racing.staffCount(), "the record comes before the account, so the loser creates nothing");
    }

    @Test
    void theSecretIsWipedAfterUse() {
        char[] password = secret();
        FirstAdministratorBootstrap.run(new Database(), "admin", password, NOW);
        assertEquals(true, new String(password).chars().allMatch(c -> c == 0));
        assertEquals(false, Arrays.equals(password, secret()));
    }
}
