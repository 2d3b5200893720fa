package cn.gov.shanwei.xinyixing.trip.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalTime;

/** An urban bus route of a company; its fares over time are {@link RouteFare} rows. */
@Entity
@Table(name = "bus_route")
public class BusRoute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "company_id")
    private BusCompany company;

    @Column(name = "route_no", nullable = false)
    private String routeNo;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    /** First and last boarding of the day; empty: the route keeps no timetable here. */
    @Column(name = "service_starts")
    private LocalTime serviceStarts;

    @Column(name = "service_ends")
    private LocalTime serviceEnds;

    protected BusRoute() {
    }

    public BusRoute(BusCompany company, String routeNo, String nameZh) {
        this.company = company;
        this.routeNo = routeNo;
        this.nameZh = nameZh;
    }

    /** Sets the service hours; both or neither. */
    public void serviceHours(LocalTime starts, LocalTime ends) {
        if ((starts == null) != (ends == null)) {
            throw new IllegalArgumentException("service hours need a start and an end");
        }
        this.serviceStarts = starts;
        this.serviceEnds = ends;
    }

    public Long id() {
        return id;
    }

    public String routeNo() {
        return routeNo;
    }

    public BusCompany company() {
        return company;
    }

    public String nameZh() {
        return nameZh;
    }

    public LocalTime serviceStarts() {
        return serviceStarts;
    }

    public LocalTime serviceEnds() {
        return serviceEnds;
    }
}
