package cn.gov.shanwei.xinyixing.trip.entity;

/** How a trip reached the server: asked about at boarding, or uploaded later by an offline validator. */
public enum TripSource {
    ONLINE,
    OFFLINE
}
