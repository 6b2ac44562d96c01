package cn.heatdesk.callcenter.ami;

import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionKeysTest {

    @Test
    void aCallsEventsShareTheLinkedIdWhateverTheGetterIsCalled() {
        NewChannelEvent caller = new NewChannelEvent(this);
        caller.setUniqueId("heatdesk-ref-1795260013.4");
        caller.setLinkedid("heatdesk-ref-1795260013.4");
        HangupEvent agentLeg = new HangupEvent(this);
        agentLeg.setUniqueId("heatdesk-ref-1795260013.5");
        agentLeg.setLinkedId("heatdesk-ref-1795260013.4");
        AgentCalledEvent called = new AgentCalledEvent(this);
        called.setUniqueId("heatdesk-ref-1795260013.4");
        called.setLinkedId("heatdesk-ref-1795260013.4");
        assertThat(PartitionKeys.of(caller)).isEqualTo("heatdesk-ref-1795260013.4");
        assertThat(PartitionKeys.of(agentLeg)).isEqualTo("heatdesk-ref-1795260013.4");
        assertThat(PartitionKeys.of(called)).isEqualTo("heatdesk-ref-1795260013.4");
    }

    @Test
    void fallsBackToUniqueIdThenQueueThenNothing() {
        HangupEvent noLinked = new HangupEvent(this);
        noLinked.setUniqueId("u.1");
        assertThat(PartitionKeys.of(noLinked)).isEqualTo("u.1");
        QueueMemberStatusEvent member = new QueueMemberStatusEvent(this);
        member.setQueue("repair");
        assertThat(PartitionKeys.of(member)).isEqualTo("queue:repair");
        assertThat(PartitionKeys.of(new FullyBootedEvent(this))).isNull();
    }
}
