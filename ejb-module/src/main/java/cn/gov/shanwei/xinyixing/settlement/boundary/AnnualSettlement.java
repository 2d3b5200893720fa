package cn.gov.shanwei.xinyixing.settlement.boundary;

import cn.gov.shanwei.xinyixing.access.entity.Roles;
import cn.gov.shanwei.xinyixing.platform.clock.ClockProducer;
import cn.gov.shanwei.xinyixing.settlement.control.SettlementCalendar;
import cn.gov.shanwei.xinyixing.settlement.entity.SettlementRun;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The year's settlement (R10, R11): opens a version of a year and runs the Jakarta Batch job
 * {@code annual-settlement} that builds it — the frozen basis, the detail and summary files, the seal.
 * Started by the January timer (and its catch-up when it could not run), by operator staff, and by
 * tests, all through here.
 *
 * <p>Exactly once per year, honestly: the first version of a year needs no reason, every later one
 * does, none replaces another, and a year with an unfinished version takes no new one until that
 * version is resumed to its end. A run whose server died is resumed from its last committed chunk by
 * starting a new job execution for the same version: the batch runtime keeps a killed execution in
 * STARTED for ever and will not restart it, so the version's progress lives in our own row.
 */
@Stateless
public class AnnualSettlement {

    private static final Logger LOG = Logger.getLogger(AnnualSettlement.class.getName());
    static final String JOB = "annual-settlement";
    /** Trip ids per chunk (one checkpoint each) unless the starter asks for finer resumption. */
    static final long IDS_PER_CHECKPOINT = 50_000;

    /** A step of the job as the batch runtime reports it. */
    public record Step(String name, String status, Map<String, Long> metrics) {
    }

    /** A version as staff and the API see it, with the batch runtime's view of its execution. */
    public record Run(long id, int year, int version, String status, String trigger, String reason, String startedBy,
                      Instant startedAt, Instant finishedAt, long rowsTotal, long rowsDone, Long subsidisedRides,
                      Long discountFen, String manifestSm3, String failure, Long executionId, String batchStatus,
                      List<Step> steps, List<String> files) {
        public int percentDone() {
            return rowsTotal == 0 ? ("COMPLETED".equals(status) ? 100 : 0) : (int) Math.min(100, rowsDone * 100 / rowsTotal);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    PackageStore store;

    @Inject
    @ConfigProperty(name = "xinyixing.settlement.first-year", defaultValue = "2026")
    int firstYear;

    /** The year that January's run settles: the one that has just ended. */
    public Year previousYear() {
        return Year.now(clock).minusYears(1);
    }

    /** Starts a new version of {@code year} by hand; {@code idsPerCheckpoint} tunes how finely it resumes. */
    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Run start(Year year, String reason, Long idsPerCheckpoint) {
        if (year.getValue() < firstYear || year.isAfter(Year.now(clock))) {
            throw new SettlementRefused(SettlementProblem.YEAR_OUT_OF_RANGE);
        }
        AnnualSettlement self = context.getBusinessObject(AnnualSettlement.class);
        SettlementRun run = self.open(year, SettlementRun.Trigger.STAFF, reason, context.getCallerPrincipal().getName());
        return self.launch(run.id(), idsPerCheckpoint);
    }

    /**
     * The timers' entry: every year that is due and has no completed version gets one, unless one is
     * under way. Returns the versions started.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Run> settleDue() {
        AnnualSettlement self = context.getBusinessObject(AnnualSettlement.class);
        List<Run> started = new ArrayList<>();
        for (Year year : self.overdueYears()) {
            if (self.unfinished(year.getValue()).isEmpty()) {
                SettlementRun run = self.open(year, SettlementRun.Trigger.TIMER,
                        "年度定时结算 / Annual run, due " + calendar().dueAt(year), "timer");
                started.add(self.launch(run.id(), null));
            }
        }
        return started;
    }

    /** Resumes a stopped, failed or orphaned (its server died) version from its last committed chunk. */
    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Run resume(long runId) {
        AnnualSettlement self = context.getBusinessObject(AnnualSettlement.class);
        SettlementRun run = self.find(runId);
        if (run.status() == SettlementRun.Status.COMPLETED || isExecuting(run)) {
            throw new SettlementRefused(SettlementProblem.NOT_RESUMABLE);
        }
        return self.launch(runId, null);
    }

    /** Recovery after a restart: resumes a RUNNING version whose execution died with this server. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Run> resumeOrphans() {
        AnnualSettlement self = context.getBusinessObject(AnnualSettlement.class);
        List<Run> resumed = new ArrayList<>();
        for (SettlementRun run : self.unfinishedRuns()) {
            if (run.status() == SettlementRun.Status.RUNNING && !isExecuting(run)) {
                LOG.info(() -> "Settlement " + run.year() + " v" + run.version() + " resumes from trip " + run.nextTripId());
                resumed.add(self.launch(run.id(), null));
            }
        }
        return resumed;
    }

    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.ADMIN})
    public Run stop(long runId) {
        SettlementRun run = find(runId);
        if (!isExecuting(run)) {
            throw new SettlementRefused(SettlementProblem.NOT_RUNNING);
        }
        BatchRuntime.getJobOperator().stop(run.executionId());
        return view(run);
    }

    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.AUDITOR, Roles.ADMIN})
    public List<Run> runs() {
        return em.createQuery("select r from SettlementRun r order by r.year desc, r.version desc", SettlementRun.class)
                .setMaxResults(200).getResultList().stream().map(this::view).toList();
    }

    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.AUDITOR, Roles.ADMIN})
    public Run run(long runId) {
        return view(find(runId));
    }

    /** A file of a sealed package, for download. */
    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.AUDITOR, Roles.ADMIN})
    public Path file(long runId, String name) {
        SettlementRun run = find(runId);
        if (run.packageDir() == null) {
            throw new SettlementRefused(SettlementProblem.NOT_SEALED);
        }
        return store.file(Path.of(run.packageDir()), name).orElseThrow(() -> new SettlementRefused(SettlementProblem.FILE_UNKNOWN));
    }

    /** The years due by now with no completed version (the health check and the catch-up read this). */
    @PermitAll
    public List<Year> overdueYears() {
        Set<Integer> completed = new HashSet<>(em.createQuery(
                "select r.year from SettlementRun r where r.status = :completed", Integer.class)
                .setParameter("completed", SettlementRun.Status.COMPLETED).getResultList());
        return calendar().overdue(clock.instant(), completed);
    }

    @PermitAll
    public Instant dueAt(Year year) {
        return calendar().dueAt(year);
    }

    // ---------------------------------------------------------------- one transaction each

    /** A new version of the year over the trips ridden in it as they stand now. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SettlementRun open(Year year, SettlementRun.Trigger trigger, String reason, String startedBy) {
        // The year's versions, locked: two starts at once queue here, and the second sees the first
        List<SettlementRun> versions = em.createQuery("select r from SettlementRun r where r.year = :year order by r.version",
                        SettlementRun.class).setParameter("year", year.getValue())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (versions.stream().anyMatch(r -> !r.status().finished())) {
            throw new SettlementRefused(SettlementProblem.RUN_UNFINISHED);
        }
        boolean settledBefore = versions.stream().anyMatch(r -> r.status() == SettlementRun.Status.COMPLETED);
        if (settledBefore && (reason == null || reason.isBlank())) {
            throw new SettlementRefused(SettlementProblem.REASON_REQUIRED);
        }
        Object[] range = (Object[]) em.createNativeQuery("SELECT COALESCE(MIN(id), 1), COALESCE(MAX(id), 0), COUNT(*)"
                        + " FROM trip_record WHERE ridden_at >= ? AND ridden_at < ?")
                .setParameter(1, year.atDay(1).atStartOfDay()).setParameter(2, year.plusYears(1).atDay(1).atStartOfDay())
                .getSingleResult();
        int version = versions.stream().mapToInt(SettlementRun::version).max().orElse(0) + 1;
        SettlementRun run = new SettlementRun(year.getValue(), version, trigger, reason, startedBy, clock.instant(),
                ((Number) range[0]).longValue(), ((Number) range[1]).longValue(), ((Number) range[2]).longValue());
        em.persist(run);
        em.flush();
        LOG.info(() -> "Settlement of " + year + " v" + version + " opened by " + trigger + " over " + range[2] + " trips");
        return run;
    }

    /** Starts a job execution for the version (after its row is committed, which the job reads). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Run launch(long runId, Long idsPerCheckpoint) {
        SettlementRun run = em.find(SettlementRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        Properties parameters = new Properties();
        parameters.setProperty("runId", Long.toString(runId));
        parameters.setProperty("idsPerCheckpoint", Long.toString(idsPerCheckpoint == null || idsPerCheckpoint < 1
                ? IDS_PER_CHECKPOINT : idsPerCheckpoint));
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        run.executing(execution);
        return view(run);
    }

    @PermitAll
    public List<SettlementRun> unfinished(int year) {
        return em.createQuery("select r from SettlementRun r where r.year = :year and r.status not in :finished",
                        SettlementRun.class).setParameter("year", year)
                .setParameter("finished", List.of(SettlementRun.Status.COMPLETED, SettlementRun.Status.FAILED)).getResultList();
    }

    @PermitAll
    public List<SettlementRun> unfinishedRuns() {
        return em.createQuery("select r from SettlementRun r where r.status = :running", SettlementRun.class)
                .setParameter("running", SettlementRun.Status.RUNNING).getResultList();
    }

    @PermitAll
    public SettlementRun find(long runId) {
        SettlementRun run = em.find(SettlementRun.class, runId);
        if (run == null) {
            throw new SettlementRefused(SettlementProblem.RUN_UNKNOWN);
        }
        return run;
    }

    // ---------------------------------------------------------------- helpers

    private SettlementCalendar calendar() {
        return new SettlementCalendar(Year.of(firstYear), ClockProducer.SHANWEI);
    }

    /** Whether the version's execution is alive in this server's batch runtime. */
    private static boolean isExecuting(SettlementRun run) {
        if (run.executionId() == null) {
            return false;
        }
        try {
            JobExecution execution = BatchRuntime.getJobOperator().getJobExecution(run.executionId());
            return switch (execution.getBatchStatus()) {
                case STARTING, STARTED, STOPPING -> JobLiveness.isLive(run.executionId());
                default -> false;
            };
        } catch (RuntimeException unknownHere) {
            return false;
        }
    }

    private Run view(SettlementRun run) {
        String batchStatus = null;
        List<Step> steps = new ArrayList<>();
        if (run.executionId() != null) {
            try {
                JobOperator operator = BatchRuntime.getJobOperator();
                batchStatus = operator.getJobExecution(run.executionId()).getBatchStatus().name();
                for (StepExecution step : operator.getStepExecutions(run.executionId())) {
                    Map<String, Long> metrics = new TreeMap<>();
                    for (Metric metric : step.getMetrics()) {
                        metrics.put(metric.getType().name(), metric.getValue());
                    }
                    steps.add(new Step(step.getStepName(), step.getBatchStatus().name(), metrics));
                }
            } catch (RuntimeException unknownHere) {
                batchStatus = "UNKNOWN";
            }
        }
        return new Run(run.id(), run.year(), run.version(), run.status().name(), run.trigger().name(), run.reason(),
                run.startedBy(), run.startedAt(), run.finishedAt(), run.rowsTotal(), run.rowsDone(), run.subsidisedRides(),
                run.discountFen(), run.manifestSm3(), run.failure(), run.executionId(), batchStatus, steps,
                run.packageDir() == null ? List.of() : store.files(Path.of(run.packageDir())));
    }
}
