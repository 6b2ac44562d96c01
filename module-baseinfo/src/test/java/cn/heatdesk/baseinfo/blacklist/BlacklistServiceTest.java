package cn.heatdesk.baseinfo.blacklist;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class BlacklistServiceTest {

    private static BlacklistEntry entry(String status, LocalDateTime expiresAt) {
        BlacklistEntry e = new BlacklistEntry();
        e.setStatus(status);
        e.setExpiresAt(expiresAt);
        return e;
    }

    @Test
    void expiredIsDerivedFromTheExpiry() {
        LocalDateTime now = LocalDateTime.of(2026, 1, 1, 12, 0);
        assertThat(BlacklistService.status(entry("ACTIVE", null), now)).isEqualTo("ACTIVE");
        assertThat(BlacklistService.status(entry("ACTIVE", now.plusSeconds(1)), now)).isEqualTo("ACTIVE");
        assertThat(BlacklistService.status(entry("ACTIVE", now), now)).isEqualTo("EXPIRED");
        assertThat(BlacklistService.status(entry("ACTIVE", now.minusDays(1)), now)).isEqualTo("EXPIRED");
        assertThat(BlacklistService.status(entry("REMOVED", now.minusDays(1)), now)).isEqualTo("REMOVED");
    }

    @Test
    void groupEntriesBelongToTheRootOrg() {
        assertThat(BlacklistService.rootPath("/1/5/9/")).isEqualTo("/1/");
        assertThat(BlacklistService.rootPath("/1/")).isEqualTo("/1/");
        assertThat(BlacklistService.rootPath(null)).isEqualTo("/");
        assertThat(BlacklistService.rootPath("bad")).isEqualTo("/");
    }
}
