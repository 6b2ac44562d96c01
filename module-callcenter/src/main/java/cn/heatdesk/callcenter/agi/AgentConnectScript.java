package cn.heatdesk.callcenter.agi;

import cn.heatdesk.callcenter.agent.Agent;
import cn.heatdesk.callcenter.agent.AgentMapper;
import cn.heatdesk.callcenter.call.AgentRef;
import cn.heatdesk.callcenter.call.AgentResolver;
import cn.heatdesk.callcenter.gateway.Gateway;
import cn.heatdesk.callcenter.gateway.GatewayMapper;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * 坐席播报: Queue's AGI when a member answers ({@code Queue(…,agi://heatdesk/agent-connect)}). Asterisk runs it on
 * the caller's channel before bridging (fixture k, session 046: agi_channel is the trunk channel, MEMBERINTERFACE /
 * MEMBERNAME name the agent), so the caller hears {@code custom/agent-intro}, the agent's job number (SAY DIGITS; SAY
 * ALPHA when it has letters) and {@code custom/agent-outro}. The agent is the phone's bound agent on the gateway
 * ({@code ?gw=<code>}), else the job number HeatDesk put first in MemberName at QueueAdd. AGENT_JOBNO is set for the
 * dialplan and the call record. Nobody known: no announcement, the call is bridged as before.
 */
@Component
public class AgentConnectScript implements CallCenterAgiScript {

    private static final Logger log = LoggerFactory.getLogger(AgentConnectScript.class);
    static final String INTRO = "custom/agent-intro";
    static final String OUTRO = "custom/agent-outro";

    private final AgentResolver resolver;
    private final AgentMapper agents;
    private final GatewayMapper gateways;

    public AgentConnectScript(AgentResolver resolver, AgentMapper agents, GatewayMapper gateways) {
        this.resolver = resolver;
        this.agents = agents;
        this.gateways = gateways;
    }

    @Override
    public String scriptName() {
        return "agent-connect";
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String iface = channel.getVariable("MEMBERINTERFACE");
        String member = channel.getVariable("MEMBERNAME");
        Optional<String> jobNo;
        try {
            jobNo = jobNo(request.getParameter("gw"), iface, member);
        } catch (RuntimeException e) {
            log.error("agent lookup for {} / {} failed; no announcement", iface, member, e);
            jobNo = Optional.empty();
        }
        if (jobNo.isEmpty()) {
            channel.verbose("agent-connect: no HeatDesk agent for " + iface + " / " + member, 1);
            return;
        }
        String no = jobNo.get();
        channel.setVariable("AGENT_JOBNO", no);
        channel.streamFile(INTRO);
        if (no.chars().allMatch(Character::isDigit)) {
            channel.sayDigits(no);
        } else {
            channel.sayAlpha(no);
        }
        channel.streamFile(OUTRO);
    }

    Optional<String> jobNo(String gatewayCode, String iface, String memberName) {
        if (gatewayCode != null && !gatewayCode.isBlank()) {
            Gateway g = gateways.selectByCode(gatewayCode.strip());
            if (g != null) {
                Optional<AgentRef> a = iface == null ? Optional.empty() : resolver.byInterface(g.getId(), iface);
                if (a.isEmpty()) {
                    a = resolver.byMemberName(g.getId(), memberName);
                }
                if (a.isPresent() && a.get().jobNo() != null) {
                    return Optional.of(a.get().jobNo());
                }
            }
        }
        if (memberName == null || memberName.isBlank()) {
            return Optional.empty();
        }
        // job numbers are unique across the group, so the first word of MemberName identifies the agent
        Agent a = agents.selectByJobNo(memberName.strip().split("\\s+", 2)[0]);
        return a == null ? Optional.empty() : Optional.of(a.getJobNo());
    }
}
