package cn.gov.shanwei.xinyixing.system;

import cn.gov.shanwei.xinyixing.access.StaffPagesChecks;
import cn.gov.shanwei.xinyixing.access.StaffSessionLoadChecks;
import cn.gov.shanwei.xinyixing.account.IdentityTokenChecks;
import cn.gov.shanwei.xinyixing.account.MiniProgramChecks;
import cn.gov.shanwei.xinyixing.eligibility.EligibilityChecks;
import cn.gov.shanwei.xinyixing.payment.ChargingChecks;
import cn.gov.shanwei.xinyixing.payment.PaymentAgreementChecks;
import cn.gov.shanwei.xinyixing.platform.ConcurrencyChecks;
import cn.gov.shanwei.xinyixing.platform.OperationsChecks;
import cn.gov.shanwei.xinyixing.platform.PersonalDataAtRestChecks;
import cn.gov.shanwei.xinyixing.platform.RequestBodyChecks;
import cn.gov.shanwei.xinyixing.privacy.KeyRotationChecks;
import cn.gov.shanwei.xinyixing.redlist.RedListIntakeChecks;
import cn.gov.shanwei.xinyixing.redlist.RedListSoapChecks;
import cn.gov.shanwei.xinyixing.ridecode.RevocationChecks;
import cn.gov.shanwei.xinyixing.ridecode.RideCodeChecks;
import cn.gov.shanwei.xinyixing.settlement.ReconciliationChecks;
import cn.gov.shanwei.xinyixing.settlement.SettlementChecks;
import cn.gov.shanwei.xinyixing.settlement.SettlementFaultChecks;
import cn.gov.shanwei.xinyixing.settlement.SettlementPageChecks;
import cn.gov.shanwei.xinyixing.trip.DevicesPageChecks;
import cn.gov.shanwei.xinyixing.trip.OfflineUploadChecks;
import cn.gov.shanwei.xinyixing.trip.UploadFaultChecks;
import cn.gov.shanwei.xinyixing.trip.UsageFeedbackChecks;
import cn.gov.shanwei.xinyixing.trip.ValidatorKitChecks;
import cn.gov.shanwei.xinyixing.trip.ValidatorDeviceChecks;
import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration suite: the real EAR, deployed once by Arquillian into the running Payara
 * Server, exercised through its real interfaces (HTTP, SOAP, a browser, the database). Each
 * business area keeps its checks in its own package; they are nested here so that all of them
 * share the one deployment instead of deploying the EAR per class.
 */
@ExtendWith(RunningSystem.class)
@ExtendWith(ArquillianExtension.class)
class SystemIT {

    @Deployment(name = "xinyixing", testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("ear.file")));
    }

    @BeforeAll
    static void ready() throws InterruptedException {
        RunningSystem.awaitReady();
    }

    /** Declared first so that it runs last, on the suite's whole year: it kills the server mid-run. */
    @Nested
    class SettlementFaults extends SettlementFaultChecks {
    }

    /** Declared early so that it runs late: it kills the server and stops the database. */
    @Nested
    class UploadFaults extends UploadFaultChecks {
    }

    /** Declared early so that it runs late, over the trips the other checks made. */
    @Nested
    class Reconciliation extends ReconciliationChecks {
    }

    @Nested
    class Settlement extends SettlementChecks {
    }

    @Nested
    class SettlementPage extends SettlementPageChecks {
    }

    /** Declared early so that it runs late (nested classes run in reverse order), on the suite's full data. */
    @Nested
    class PersonalDataKeyRotation extends KeyRotationChecks {
    }

    @Nested
    class Operations extends OperationsChecks {
    }

    @Nested
    class PersonalDataAtRest extends PersonalDataAtRestChecks {
    }

    @Nested
    class RequestBodies extends RequestBodyChecks {
    }

    @Nested
    class RedListSoap extends RedListSoapChecks {
    }

    @Nested
    class StaffPages extends StaffPagesChecks {
    }

    @Nested
    class StaffSessionsUnderLoad extends StaffSessionLoadChecks {
    }

    @Nested
    class RedListIntake extends RedListIntakeChecks {
    }

    @Nested
    class ValidatorDevices extends ValidatorDeviceChecks {
    }

    @Nested
    class ValidatorRegisterPage extends DevicesPageChecks {
    }

    @Nested
    class OfflineUploads extends OfflineUploadChecks {
    }

    @Nested
    class VendorValidatorKit extends ValidatorKitChecks {
    }

    @Nested
    class UsageFeedbackForThePlatform extends UsageFeedbackChecks {
    }

    @Nested
    class EligibilityDecisions extends EligibilityChecks {
    }

    @Nested
    class MiniProgram extends MiniProgramChecks {
    }

    @Nested
    class IdentityTokens extends IdentityTokenChecks {
    }

    @Nested
    class PaymentAgreementsWithThePlatform extends PaymentAgreementChecks {
    }

    @Nested
    class Charging extends ChargingChecks {
    }

    @Nested
    class RideCodes extends RideCodeChecks {
    }

    @Nested
    class Revocations extends RevocationChecks {
    }

    @Nested
    class Races extends ConcurrencyChecks {
    }
}
