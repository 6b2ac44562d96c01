package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.db.liquibase.ChangelogLint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallcenterChangelogTest {

    @Test
    void agentChangelogIsPortable() {
        assertThat(ChangelogLint.lintClasspath("db/changelog/callcenter/001-callcenter-agents.xml")).isEmpty();
    }
}
