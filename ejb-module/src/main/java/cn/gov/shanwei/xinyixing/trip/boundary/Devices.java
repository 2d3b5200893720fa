package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.access.entity.Roles;
import cn.gov.shanwei.xinyixing.trip.control.RequestSignature;
import cn.gov.shanwei.xinyixing.trip.entity.BusCompany;
import cn.gov.shanwei.xinyixing.trip.entity.BusRoute;
import cn.gov.shanwei.xinyixing.trip.entity.Validator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The card operator's register of validators (R7): each device gets its own secret, shown once when it
 * is registered or renewed and never again; a disabled device is refused on its next request. The list
 * shows when each device last called and how many records it said it still holds, so staff see a bus
 * that has been offline too long.
 */
@Stateless
@RolesAllowed({Roles.OPERATOR_STAFF, Roles.ADMIN})
public class Devices {

    /** A device as staff see it. */
    public record Device(String deviceId, String companyCode, String companyName, String routeNo, String busPlate,
                         boolean active, Instant registeredAt, Instant lastSeenAt, Integer reportedBacklog) {
    }

    /** The answer to a registration or renewal: the secret, lowercase hex, shown this once. */
    public record Issued(Device device, String secret) {
    }

    public record Page(long total, List<Device> devices) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    DeviceSecrets secrets;

    @Inject
    Clock clock;

    public Issued register(String deviceId, String companyCode, String routeNo, String busPlate) {
        if (deviceId == null || !RequestSignature.DEVICE_ID.matcher(deviceId).matches()) {
            throw new TripRefused(TripRefusal.DEVICE_ID_INVALID);
        }
        if (!em.createQuery("select v.id from Validator v where v.deviceId = :id", Long.class)
                .setParameter("id", deviceId).getResultList().isEmpty()) {
            throw new TripRefused(TripRefusal.DEVICE_EXISTS);
        }
        BusCompany company = company(companyCode);
        BusRoute route = routeNo == null || routeNo.isBlank() ? null : route(company, routeNo);
        byte[] secret = secrets.generate();
        Validator validator = new Validator(deviceId, company, route, busPlate == null ? "" : busPlate.strip(),
                secrets.seal(deviceId, secret), clock.instant());
        em.persist(validator);
        return new Issued(view(validator), HexFormat.of().formatHex(secret));
    }

    /** A new secret for a device (replaced hardware, a leaked secret, or a demo device that never had one). */
    public Issued renewSecret(String deviceId) {
        Validator validator = find(deviceId);
        byte[] secret = secrets.generate();
        validator.replaceSecret(secrets.seal(deviceId, secret));
        return new Issued(view(validator), HexFormat.of().formatHex(secret));
    }

    public Device disable(String deviceId) {
        Validator validator = find(deviceId);
        validator.disable(clock.instant());
        return view(validator);
    }

    public Device enable(String deviceId) {
        Validator validator = find(deviceId);
        validator.enable();
        return view(validator);
    }

    /** Devices whose id, plate or route contains {@code search} (all when blank), by device id. */
    public Page list(String search, int first, int max) {
        String like = "%" + (search == null ? "" : search.strip().replace("%", "").replace("_", "")) + "%";
        String where = " from Validator v left join v.route r where v.deviceId like :s or v.busPlate like :s"
                + " or r.routeNo like :s";
        long total = em.createQuery("select count(v)" + where, Long.class).setParameter("s", like).getSingleResult();
        List<Device> page = em.createQuery("select v" + where + " order by v.deviceId", Validator.class)
                .setParameter("s", like).setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 200)))
                .getResultList().stream().map(Devices::view).toList();
        return new Page(total, page);
    }

    private Validator find(String deviceId) {
        return em.createQuery("select v from Validator v where v.deviceId = :id", Validator.class)
                .setParameter("id", deviceId).getResultList().stream().findFirst()
                .orElseThrow(() -> new TripRefused(TripRefusal.NOT_FOUND));
    }

    private BusCompany company(String code) {
        return em.createQuery("select c from BusCompany c where c.code = :code", BusCompany.class)
                .setParameter("code", code).getResultList().stream().findFirst()
                .orElseThrow(() -> new TripRefused(TripRefusal.COMPANY_UNKNOWN));
    }

    private BusRoute route(BusCompany company, String routeNo) {
        return em.createQuery("select r from BusRoute r where r.company = :company and r.routeNo = :no", BusRoute.class)
                .setParameter("company", company).setParameter("no", routeNo).getResultList().stream().findFirst()
                .orElseThrow(() -> new TripRefused(TripRefusal.ROUTE_UNKNOWN));
    }

    private static Device view(Validator v) {
        return new Device(v.deviceId(), v.company().code(), v.company().nameZh(),
                v.route() == null ? null : v.route().routeNo(), v.busPlate(), v.active(), v.registeredAt(),
                v.lastSeenAt(), v.reportedBacklog());
    }
}
