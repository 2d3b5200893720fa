package cn.gov.shanwei.xinyixing.demo;

import cn.gov.shanwei.xinyixing.access.boundary.StaffUsers;
import cn.gov.shanwei.xinyixing.access.entity.Roles;
import cn.gov.shanwei.xinyixing.platform.demo.DemoMode;
import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Level;
import cn.gov.shanwei.xinyixing.redlist.entity.RedListEntry;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.trip.entity.BusCompany;
import cn.gov.shanwei.xinyixing.trip.entity.BusRoute;
import cn.gov.shanwei.xinyixing.trip.entity.RouteFare;
import cn.gov.shanwei.xinyixing.trip.entity.Validator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Fills an empty database with a small city to try the system on: one bus company with routes and
 * validators, a few red-list citizens and one staff account per role. Only where {@link DemoMode}
 * allows it (a server system property that an environment variable cannot supply, and a database on
 * this host: the embedded default), and only once: a database that already has staff accounts is left
 * alone. The top of the areas: it uses several of them and none uses it.
 *
 * <p>The ID numbers are fictitious but well-formed (GB 11643 check digit, Shanwei region codes).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    /** Documented in the README; demo accounts exist only in demo databases. */
    public static final String DEMO_PASSWORD = "Xyx-demo-2026";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @EJB
    StaffUsers staffUsers;

    @Resource(lookup = "jdbc/xinyixing")
    DataSource dataSource;

    @Inject
    IdNumberProtection idNumbers;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void load() {
        if (!DemoMode.enabled(dataSource) || staffUsers.count() > 0) {
            return;
        }
        staff();
        busNetwork();
        redList();
        em.flush();
        LOG.info("Demo data loaded");
    }

    private void staff() {
        account("operator", "红海通运营 Operator", Roles.OPERATOR_STAFF);
        account("bureau", "交通运输局 Bureau", Roles.BUREAU_STAFF);
        account("leader", "市领导 City leader", Roles.CITY_LEADER);
        account("finance", "财政局 Finance", Roles.FINANCE_STAFF);
        account("auditor", "审计 Auditor", Roles.AUDITOR);
        account("admin", "系统管理员 Administrator", Roles.ADMIN);
    }

    private void account(String username, String displayName, String role) {
        staffUsers.create(username, displayName, DEMO_PASSWORD.toCharArray(), Set.of(role));
    }

    /**
     * Two companies, their routes with service hours and fares, and a validator per route. The demo
     * validators get no secret here: an operator issues one on the devices page (shown once), as for a
     * real device.
     */
    private void busNetwork() {
        BusCompany swbus = new BusCompany("SWBUS", "汕尾市公共汽车有限公司", "Shanwei Public Bus Co.", "91441500MA4DEMO01X");
        BusCompany hhw = new BusCompany("HHWBUS", "汕尾市红海湾公交有限公司", "Honghai Bay Bus Co.", "91441500MA4DEMO02X");
        em.persist(swbus);
        em.persist(hhw);
        LocalDate fareFrom = LocalDate.of(2026, 1, 1);
        route(swbus, "1", "汕尾客运站—品清湖", 200, fareFrom, "SW-V-0001", "粤N·A1001");
        route(swbus, "6", "市政府—红海湾", 200, fareFrom, "SW-V-0002", "粤N·A1002");
        route(swbus, "10", "城区—马宫", 300, fareFrom, "SW-V-0003", "粤N·A1003");
        route(hhw, "H1", "红海湾—遮浪", 200, fareFrom, "HH-V-0001", "粤N·B2001");
    }

    private void route(BusCompany company, String routeNo, String name, int fareFen, LocalDate fareFrom,
                       String deviceId, String plate) {
        BusRoute route = new BusRoute(company, routeNo, name);
        route.serviceHours(LocalTime.of(6, 0), LocalTime.of(22, 30));
        em.persist(route);
        em.persist(new RouteFare(route, fareFen, fareFrom, null));
        em.persist(new Validator(deviceId, company, route, plate, null, clock.instant()));
    }

    private void redList() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2027, 12, 31);
        citizen("441502198503120020", "陈志明", "MODEL_WORKER",
                new CategoryDetails(Level.MUNICIPAL, null, null, null, null), from, to);
        citizen("441501199007071010", "林小红", "BLOOD_DONOR",
                new CategoryDetails(null, 4400, null, null, null), from, to);
        citizen("441521197811200035", "黄国强", "VOLUNTEER_STARS",
                new CategoryDetails(null, null, null, 3, null), from, to);
        citizen("441502199512311042", "郑美玲", "TAXPAYER_A",
                new CategoryDetails(null, null, null, null, "A"), from, to);
    }

    private void citizen(String idNumber, String name, String category, CategoryDetails details,
                         LocalDate from, LocalDate to) {
        em.persist(new RedListEntry(idNumbers.protect(idNumber, RedListEntry.TABLE), Masking.name(name), category, details,
                Residency.HOUSEHOLD, from, to, "汕信用〔2026〕DEMO", null));
    }
}
