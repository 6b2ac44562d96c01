package cn.heatdesk.callcenter.agi;

import cn.heatdesk.baseinfo.api.BlacklistApi;
import cn.heatdesk.baseinfo.api.BlacklistHit;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * {@code AGI(agi://heatdesk/blacklist)} at the start of the IVR: sets {@code BLACKLISTED} to 1 or 0 (the call record
 * sees it as a VarSet event); a blacklisted caller hears {@code custom/blocked} and is hung up on. When the check
 * itself fails the caller is let through (BLACKLISTED=0): refusing every customer because base data is unreachable
 * would be worse than letting a blocked number reach an agent.
 */
@Component
public class BlacklistScript implements CallCenterAgiScript {

    private static final Logger log = LoggerFactory.getLogger(BlacklistScript.class);

    private final BlacklistApi blacklist;

    public BlacklistScript(BlacklistApi blacklist) {
        this.blacklist = blacklist;
    }

    @Override
    public String scriptName() {
        return "blacklist";
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String caller = request.getCallerIdNumber();
        channel.verbose("blacklist check for " + caller, 1);
        Optional<BlacklistHit> hit;
        try {
            hit = caller == null || caller.isBlank() ? Optional.empty() : blacklist.check(caller);
        } catch (RuntimeException e) {
            log.error("blacklist check failed for channel {}; letting the call through", request.getChannel(), e);
            hit = Optional.empty();
        }
        channel.setVariable("BLACKLISTED", hit.isPresent() ? "1" : "0");
        if (hit.isPresent()) {
            channel.streamFile("custom/blocked");
            channel.hangup();
        }
    }
}
