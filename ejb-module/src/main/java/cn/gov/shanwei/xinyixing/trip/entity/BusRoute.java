package cn.gov.shanwei.xinyixing.trip.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An urban bus route with its flat fare in fen. */
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

    @Column(name = "fare_fen", nullable = false)
    private int fareFen;

    protected BusRoute() {
    }

    public BusRoute(BusCompany company, String routeNo, String nameZh, int fareFen) {
        if (fareFen <= 0) {
            throw new IllegalArgumentException("A fare is a positive number of fen");
        }
        this.company = company;
        this.routeNo = routeNo;
        this.nameZh = nameZh;
        this.fareFen = fareFen;
    }

    public Long id() {
        return id;
    }

    public String routeNo() {
        return routeNo;
    }

    public int fareFen() {
        return fareFen;
    }
}
