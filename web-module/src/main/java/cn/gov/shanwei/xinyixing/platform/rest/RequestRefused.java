package cn.gov.shanwei.xinyixing.platform.rest;

/**
 * A request refused at the edge, before it reached a boundary; {@link RequestRefusedMapper} answers
 * it. The detail says where (a field, a line and column) but never echoes the client's data.
 */
public class RequestRefused extends RuntimeException {

    private final RequestProblem problem;

    public RequestRefused(RequestProblem problem, String detail) {
        super(detail);
        this.problem = problem;
    }

    public RequestProblem problem() {
        return problem;
    }
}
