package cn.gov.shanwei.xinyixing.settlement.boundary;

import jakarta.ejb.ApplicationException;

/** A settlement request refused (see {@link SettlementProblem}); nothing was changed. */
@ApplicationException(rollback = true)
public class SettlementRefused extends RuntimeException {

    private final SettlementProblem problem;

    public SettlementRefused(SettlementProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public SettlementProblem problem() {
        return problem;
    }
}
