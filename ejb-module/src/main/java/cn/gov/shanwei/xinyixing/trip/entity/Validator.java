package cn.gov.shanwei.xinyixing.trip.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A QR validator mounted on a bus; it belongs to a company and usually serves one route. */
@Entity
@Table(name = "validator")
public class Validator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "device_id", nullable = false, unique = true)
    private String deviceId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "company_id")
    private BusCompany company;

    @ManyToOne
    @JoinColumn(name = "route_id")
    private BusRoute route;

    @Column(name = "bus_plate", nullable = false)
    private String busPlate;

    private boolean active;

    protected Validator() {
    }

    public Validator(String deviceId, BusCompany company, BusRoute route, String busPlate) {
        this.deviceId = deviceId;
        this.company = company;
        this.route = route;
        this.busPlate = busPlate;
        this.active = true;
    }

    public String deviceId() {
        return deviceId;
    }
}
