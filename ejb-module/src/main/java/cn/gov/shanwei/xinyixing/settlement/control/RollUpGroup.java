package cn.gov.shanwei.xinyixing.settlement.control;

/** What a roll-up row is about: a company, a route, a concession (empty for none) and an outcome. */
public record RollUpGroup(long companyId, long routeId, String concession, Outcome outcome) {
}
