package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.access.entity.Roles;
import cn.gov.shanwei.xinyixing.trip.entity.BusRoute;
import cn.gov.shanwei.xinyixing.trip.entity.RouteFare;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

/**
 * The fare table: what a ride on a route costs on a day, before any discount. A validator never says
 * what to charge; the server prices every scan from here. A fare change starts on a day and closes the
 * fare before it on the day before, so the days of a route are never priced twice.
 */
@Stateless
public class Fares {

    /** One row of a route's fare history. */
    public record Fare(String companyCode, String routeNo, int fareFen, LocalDate validFrom, LocalDate validTo) {
    }

    @PersistenceContext
    EntityManager em;

    @PermitAll
    public OptionalInt fareOn(long routeId, LocalDate day) {
        return em.createQuery("select f from RouteFare f where f.route.id = :route and f.validFrom <= :day"
                        + " and (f.validTo is null or f.validTo >= :day) order by f.validFrom desc", RouteFare.class)
                .setParameter("route", routeId).setParameter("day", day).setMaxResults(1)
                .getResultList().stream().mapToInt(RouteFare::fareFen).findFirst();
    }

    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.ADMIN})
    public Fare change(String companyCode, String routeNo, int fareFen, LocalDate validFrom) {
        if (fareFen <= 0 || fareFen > RouteFare.MAX_FARE_FEN) {
            throw new TripRefused(TripRefusal.FARE_INVALID);
        }
        BusRoute route = em.createQuery("select r from BusRoute r where r.company.code = :company and r.routeNo = :no",
                        BusRoute.class)
                .setParameter("company", companyCode).setParameter("no", routeNo).getResultList().stream().findFirst()
                .orElseThrow(() -> new TripRefused(TripRefusal.ROUTE_UNKNOWN));
        List<RouteFare> current = history(route);
        if (!current.isEmpty() && !validFrom.isAfter(current.get(0).validFrom())) {
            throw new TripRefused(TripRefusal.FARE_DATE_INVALID);
        }
        current.stream().filter(f -> f.validTo() == null || !f.validTo().isBefore(validFrom))
                .forEach(f -> f.endOn(validFrom.minusDays(1)));
        RouteFare fare = new RouteFare(route, fareFen, validFrom, null);
        em.persist(fare);
        return new Fare(companyCode, routeNo, fareFen, validFrom, null);
    }

    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.ADMIN, Roles.BUREAU_STAFF, Roles.AUDITOR})
    public List<Fare> of(String companyCode, String routeNo) {
        return em.createQuery("select f from RouteFare f where f.route.company.code = :company and f.route.routeNo = :no"
                        + " order by f.validFrom desc", RouteFare.class)
                .setParameter("company", companyCode).setParameter("no", routeNo).getResultList().stream()
                .map(f -> new Fare(companyCode, routeNo, f.fareFen(), f.validFrom(), f.validTo())).toList();
    }

    private List<RouteFare> history(BusRoute route) {
        return em.createQuery("select f from RouteFare f where f.route = :route order by f.validFrom desc", RouteFare.class)
                .setParameter("route", route).getResultList();
    }
}
