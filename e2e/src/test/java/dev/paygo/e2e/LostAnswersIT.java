package dev.paygo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.auth.PermissionGroup;
import dev.paygo.client.PaygoClient;
import dev.paygo.client.models.Account;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.PageParams;
import dev.paygo.client.models.ProfileGetParams;
import dev.paygo.client.models.Token;
import dev.paygo.client.models.TokenCreateParams;
import dev.paygo.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java SDK against a real paygo behind a proxy that loses answers: a create whose answer is lost is retried
 * with its Idempotency-Key, and paygo answers the retry with the first answer, so nothing is created twice and
 * a new token's value is never lost.
 */
class LostAnswersIT {
    private static TestServer server;
    private static LossyProxy proxy;
    private static PaygoClient operator;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        proxy = new LossyProxy(server.server().port());
        operator = PaygoClient.builder().baseUrl(proxy.baseUrl()).apiToken(TestServer.OPERATOR_TOKEN)
                .sleeper(d -> { }).build();
    }

    @AfterAll
    static void stop() {
        operator.close();
        proxy.close();
        server.close();
    }

    private static long accounts() {
        return operator.accounts().list(PageParams.first(20)).totalCount();
    }

    @Test
    void aCreateWhoseAnswerIsLostCreatesOneAccount() {
        long before = accounts();
        proxy.loseNextAnswers(1);
        Account account = operator.accounts().create(AccountParams.Create.of("Lost and found"));
        assertThat(proxy.lostAnswers()).isGreaterThanOrEqualTo(1);
        assertThat(accounts()).isEqualTo(before + 1);
        assertThat(operator.accounts().get(AccountParams.of(account.id())).name()).isEqualTo("Lost and found");
    }

    @Test
    void aTokenWhoseAnswerIsLostIsCreatedOnceAndItsValueArrives() {
        Account account = operator.accounts().create(AccountParams.Create.of("Token"));
        proxy.loseNextAnswers(1);
        Token token = operator.tokens().create(TokenCreateParams.builder().accountId(account.id()).name("ci")
                .allow(PermissionGroup.BILLING_READ.id()).build());
        assertThat(operator.tokens().list(AccountParams.of(account.id()), PageParams.first(20)).totalCount())
                .isEqualTo(1);
        try (PaygoClient reader = PaygoClient.builder().baseUrl(server.checkedBaseUrl()).apiToken(token.value().orElseThrow()).build()) {
            assertThat(reader.billing().profiles().get(ProfileGetParams.builder().accountId(account.id()).build()).id())
                    .isPresent();
        }
    }
}
