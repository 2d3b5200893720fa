package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.ridecode.boundary.Blacklist;
import cn.gov.shanwei.xinyixing.ridecode.boundary.RideCodeKeys;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeDates;
import cn.gov.shanwei.xinyixing.trip.entity.Validator;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * What an offline validator needs to decide alone, in one call: the pinned CA keys, the revocation
 * cut-offs since the version it holds (all of them after days away: entries are never removed), its own
 * route and today's fare, and the server's time to correct its clock. The device reports how many
 * records it still holds for upload, which staff see on the devices page.
 */
@Stateless
@PermitAll
public class DeviceSync {

    public record CaKey(int index, String publicKey) {
    }

    public record DeviceSettings(String deviceId, String companyCode, String routeNo, Integer fareFen) {
    }

    public record Sync(Instant serverTime, DeviceSettings device, List<CaKey> caKeys, Blacklist.Delta blacklist) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    RideCodeKeys keys;

    @EJB
    Blacklist blacklist;

    @EJB
    Fares fares;

    @Inject
    Clock clock;

    public Sync sync(AuthenticatedDevice device, long blacklistSince, Integer backlog) {
        Instant now = clock.instant();
        Validator validator = em.find(Validator.class, device.validatorId());
        validator.seen(now, backlog == null ? null : Math.max(0, backlog));
        LocalDate today = LocalDate.ofInstant(now, RideCodeDates.ZONE);
        Integer fare = device.routeId() == null ? null : fares.fareOn(device.routeId(), today).stream().boxed()
                .findFirst().orElse(null);
        List<CaKey> caKeys = keys.chain().map(chain -> chain.caKeys().entrySet().stream()
                        .map(e -> new CaKey(e.getKey(), HexFormat.of().formatHex(e.getValue().encoded())))
                        .sorted(java.util.Comparator.comparingInt(CaKey::index))
                        .toList())
                .orElse(List.of());
        return new Sync(now, new DeviceSettings(validator.deviceId(), validator.company().code(),
                validator.route() == null ? null : validator.route().routeNo(), fare),
                caKeys, blacklist.since(Math.max(0, blacklistSince)));
    }
}
