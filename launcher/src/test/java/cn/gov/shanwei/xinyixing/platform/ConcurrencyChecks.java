package cn.gov.shanwei.xinyixing.platform;

import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.add;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.blood;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.shanwei.xinyixing.account.MiniProgramClient;
import cn.gov.shanwei.xinyixing.redlist.PlatformClient;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.system.AtOnce;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Races a check-then-write would lose: the same request twice at the same moment, from two threads.
 * Uniqueness that matters is the database's, so the loser gets the answer it would have had a
 * moment later, never a 500 and never a second row.
 */
public abstract class ConcurrencyChecks {

    @RepeatedTest(3)
    void twoOpeningsAtOnceLeaveOneOpenAccount() throws Exception {
        String person = TestPeople.shanwei();
        assertEquals(200, PlatformClient.pushRest(signed(PlatformClient.nextSequence(),
                List.of(add(person, "BLOOD_DONOR", blood(4100), Residency.HOUSEHOLD)))).statusCode());
        MiniProgramClient app = MiniProgramClient.asCitizen(person, "孙八");

        List<HttpResponse<String>> answers = AtOnce.run(() -> app.openAccount("XINYIXING"), () -> app.openAccount("XINYIXING"));

        Set<Integer> statuses = answers.stream().map(HttpResponse::statusCode).collect(Collectors.toSet());
        assertEquals(Set.of(201, 409), statuses, answers.stream().map(HttpResponse::body).toList().toString());
        assertEquals("ACCOUNT_EXISTS", answers.stream().filter(a -> a.statusCode() == 409).findFirst().map(Http::json)
                .orElseThrow().getString("code"));
        assertEquals(1, openAccountsNamed(Http.json(answers.stream().filter(a -> a.statusCode() == 201).findFirst()
                .orElseThrow()).getString("userAccountNo")));
    }

    @RepeatedTest(3)
    void oneBatchPushedTwiceAtOnceIsAppliedOnce() throws Exception {
        BatchMessage batch = signed(PlatformClient.nextSequence(),
                List.of(add(TestPeople.shanwei(), "BLOOD_DONOR", blood(4100), Residency.HOUSEHOLD)));

        List<HttpResponse<String>> answers = AtOnce.run(() -> PlatformClient.pushRest(batch), () -> PlatformClient.pushRest(batch));

        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode(), answer.body());
        }
        assertEquals(Set.of("APPLIED", "ALREADY_APPLIED"), answers.stream().map(a -> Http.json(a).getString("outcome"))
                .collect(Collectors.toSet()));
    }

    /** The person's open accounts, counted in the database: the one the winner opened. */
    private static int openAccountsNamed(String userAccountNo) throws Exception {
        try (Connection db = RunningSystem.openDatabase();
             PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM citizen_account o JOIN citizen_account a"
                     + " ON o.id_number_index = a.id_number_index WHERE a.user_account_no = ? AND o.status = 'OPEN'")) {
            query.setString(1, userAccountNo);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
