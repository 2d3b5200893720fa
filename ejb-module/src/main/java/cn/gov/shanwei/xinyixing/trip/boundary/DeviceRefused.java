package cn.gov.shanwei.xinyixing.trip.boundary;

import jakarta.ejb.ApplicationException;

/** A validator request refused before it reached its use case (see {@link DeviceProblem}). */
@ApplicationException(rollback = true)
public class DeviceRefused extends RuntimeException {

    private final DeviceProblem problem;

    public DeviceRefused(DeviceProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public DeviceProblem problem() {
        return problem;
    }
}
