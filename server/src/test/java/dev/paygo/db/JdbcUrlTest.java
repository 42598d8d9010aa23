package dev.paygo.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlTest {
    @Test
    void thePasswordIsTakenOutOfTheUrlAndNeverShown() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db:5432/paygo?user=paygo&password=s3cr3t&sslmode=require");
        assertThat(url.withoutPassword()).isEqualTo("jdbc:postgresql://db:5432/paygo?user=paygo&sslmode=require");
        assertThat(url.password()).contains("s3cr3t");
        assertThat(JdbcUrl.redact("jdbc:postgresql://db/paygo?password=s3cr3t"))
                .isEqualTo("jdbc:postgresql://db/paygo?password=****").doesNotContain("s3cr3t");
        assertThat(JdbcUrl.redact("jdbc:postgresql://paygo:s3cr3t@db/paygo")).doesNotContain("s3cr3t")
                .startsWith("jdbc:postgresql://paygo@db/paygo");
        assertThat(JdbcUrl.parse("jdbc:postgresql://db/paygo?PASSWORD=x").withoutPassword())
                .isEqualTo("jdbc:postgresql://db/paygo");
    }

    @Test
    void aUrlWithoutPasswordIsUnchanged() {
        assertThat(JdbcUrl.redact("jdbc:sqlite:./data/paygo.db")).isEqualTo("jdbc:sqlite:./data/paygo.db");
        assertThat(JdbcUrl.parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres").password()).isEmpty();
    }
}
