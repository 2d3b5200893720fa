package cn.gov.shanwei.xinyixing.account.control;

/** An identity token that cannot be trusted, with the reason. */
public class IdentityTokenException extends RuntimeException {

    private final TokenProblem problem;

    public IdentityTokenException(TokenProblem problem) {
        super(problem.name());
        this.problem = problem;
    }

    public TokenProblem problem() {
        return problem;
    }
}
