package cn.heatdesk.kernel.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentUserInterceptorTest {

    private static CurrentUser user(DataScope scope, Long sub) {
        return new CurrentUser(1L, "u", "u", sub, 2L, "/1/", scope, List.of(), Set.of("*"), Set.of());
    }

    @Test
    void groupUsersCanNarrowToOneSubsidiary() {
        CurrentUser narrowed = CurrentUserInterceptor.narrowed(user(DataScope.ALL, null), "42");
        assertThat(narrowed.dataScope()).isEqualTo(DataScope.SUBSIDIARY);
        assertThat(narrowed.subsidiaryId()).isEqualTo(42L);
        assertThat(CurrentUserInterceptor.narrowed(user(DataScope.ALL, null), "abc").dataScope()).isEqualTo(DataScope.ALL);
        assertThat(CurrentUserInterceptor.narrowed(user(DataScope.ALL, null), null).dataScope()).isEqualTo(DataScope.ALL);
    }

    @Test
    void theHeaderNeverWidensOrMovesANarrowerScope() {
        CurrentUser sub = user(DataScope.SUBSIDIARY, 7L);
        assertThat(CurrentUserInterceptor.narrowed(sub, "42")).isSameAs(sub);
        CurrentUser self = user(DataScope.SELF, 7L);
        assertThat(CurrentUserInterceptor.narrowed(self, "42")).isSameAs(self);
    }
}
