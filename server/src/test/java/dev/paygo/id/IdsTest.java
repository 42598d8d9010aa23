package dev.paygo.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void hexIdsAre32LowercaseHexAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Ids.hex32();
            assertThat(id).matches("[0-9a-f]{32}");
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void ulidsAre26UppercaseCrockfordCharactersOrderedByTime() {
        String earlier = Ids.ulid(Instant.parse("2025-01-01T00:00:00Z"));
        String later = Ids.ulid(Instant.parse("2025-01-01T00:00:00.001Z"));
        assertThat(earlier).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(earlier.substring(0, 10)).isLessThan(later.substring(0, 10));
        assertThat(Ids.ulid(Instant.EPOCH)).startsWith("0000000000");
    }

    @Test
    void secretsUseUrlSafeCharactersAndNeverReadAsAnOption() {
        Set<Character> firsts = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String secret = Ids.secret(40);
            assertThat(secret).matches("[A-Za-z0-9][A-Za-z0-9_-]{39}");
            firsts.add(secret.charAt(0));
        }
        assertThat(firsts).hasSizeGreaterThan(50);
    }
}
