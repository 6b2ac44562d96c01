package cn.heatdesk.callcenter.bundle;

import cn.heatdesk.callcenter.cti.CtiDialplan;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call-control code (package cti) sends Redirect/BlindTransfer/Atxfer/Originate into contexts by name; the
 * rendered extensions.conf must define exactly those, with the applications the CTI recognises a held leg by.
 */
class CtiDialplanAgreementTest {

    @Test
    void theRenderedDialplanHasTheContextsTheCtiAddresses() {
        assertThat(DialplanNames.CLICK_TO_DIAL).isEqualTo(CtiDialplan.CLICK_TO_DIAL);
        assertThat(DialplanNames.TRANSFER_TARGETS).isEqualTo(CtiDialplan.TRANSFER_TARGETS);
        assertThat(DialplanNames.HOLD).isEqualTo(CtiDialplan.HOLD);
        assertThat(DialplanNames.HOLD_AGENT).isEqualTo(CtiDialplan.HOLD_AGENT);

        AsteriskBundle b = new AsteriskConfigRenderer().render(new BundleInput("GW-X", "x", "站部网关", null, 5038, "heatdesk",
                "secret-x1", "10.0.0.1", 4573, null, List.of(),
                List.of(new BundleInput.PhoneEntry("8001", "8001", "secret-8001", null)),
                List.of(new BundleInput.QueueEntry("repair", "报修队列", "REPAIR", "报修", "rrmemory", 15, 5, 120)),
                List.of(), LocalDateTime.of(2026, 1, 1, 0, 0)));
        Dialplan d = Dialplan.of(ConfFile.parse(b.files().get(AsteriskConfigRenderer.EXTENSIONS)));
        assertThat(d.steps(CtiDialplan.HOLD, "s").get(0).app()).isEqualTo(CtiDialplan.HOLD_APP);
        assertThat(d.steps(CtiDialplan.HOLD_AGENT, "s").get(0).app()).isEqualTo(CtiDialplan.HOLD_AGENT_APP);
        // blind/consult transfer and pickup target a phone extension, a queue name or a number
        d.steps(CtiDialplan.TRANSFER_TARGETS, "8001");
        d.steps(CtiDialplan.TRANSFER_TARGETS, "repair");
        d.steps(CtiDialplan.TRANSFER_TARGETS, "_X.");
        d.steps(CtiDialplan.CLICK_TO_DIAL, "_X.");
        // the consultation transfer's feature codes (features.conf) include the swap code the CTI plays
        assertThat(ConfFile.parse(b.files().get(AsteriskConfigRenderer.FEATURES)).one("general").value("atxferswap"))
                .isEqualTo("*4");
    }
}
