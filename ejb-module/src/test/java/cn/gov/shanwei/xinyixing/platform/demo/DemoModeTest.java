package cn.gov.shanwei.xinyixing.platform.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DemoModeTest {

    private static final String EMBEDDED = "jdbc:mariadb://127.0.0.1:23306/xinyixing_it";

    private static Properties properties(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    @Test
    void theSystemPropertyAndALocalDatabaseTogetherAllowIt() {
        assertTrue(DemoMode.allowed(properties(Map.of("xinyixing.demo-data", "true")), EMBEDDED));
        assertTrue(DemoMode.allowed(properties(Map.of("xinyixing.demo-data", "true")), "jdbc:mysql://localhost/xinyixing"));
    }

    @Test
    void anEnvironmentVariableAloneDoesNot() {
        // What MicroProfile Config would have accepted: the variable is in the environment, not a system property
        Map<String, String> environment = Map.of("XINYIXING_DEMO_DATA", "true");
        assertFalse(DemoMode.allowed(properties(environment), EMBEDDED));
        assertFalse(DemoMode.allowed(new Properties(), EMBEDDED));
        assertFalse(DemoMode.allowed(properties(Map.of("xinyixing.demo-data", "yes")), EMBEDDED));
    }

    @Test
    void aDatabaseOnAnotherHostRefusesIt() {
        Properties requested = properties(Map.of("xinyixing.demo-data", "true"));
        assertFalse(DemoMode.allowed(requested, "jdbc:mariadb://db.shanwei.gov.cn:3306/xinyixing"));
        assertFalse(DemoMode.allowed(requested, "jdbc:mysql://10.0.0.5/xinyixing?useSSL=true"));
        assertFalse(DemoMode.allowed(requested, "jdbc:mysql://user@127.0.0.1.evil.example/xinyixing"));
        assertFalse(DemoMode.allowed(requested, null));
    }

    @Test
    void hostsAreReadFromEveryUrlShape() {
        assertEquals("127.0.0.1", DemoMode.host(EMBEDDED));
        assertEquals("db", DemoMode.host("jdbc:mysql://db"));
        assertEquals("db", DemoMode.host("jdbc:mysql://app:secret@db:3306/x"));
        assertEquals("[::1]", DemoMode.host("jdbc:mariadb://[::1]:3306/x"));
        assertEquals("", DemoMode.host("jdbc:h2:mem:x"));
    }
}
