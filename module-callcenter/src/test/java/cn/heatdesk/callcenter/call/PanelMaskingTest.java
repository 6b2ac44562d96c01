package cn.heatdesk.callcenter.call;

import cn.heatdesk.baseinfo.api.BlacklistHit;
import cn.heatdesk.baseinfo.api.CallerPanel;
import cn.heatdesk.baseinfo.api.HouseholdPanel;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PanelMaskingTest {

    @Test
    void everyNumberOfThePushedPanelIsMaskedAndNothingElseChanges() {
        HouseholdPanel.Customer customer = new HouseholdPanel.Customer(1L, "C001", "张三", "RESIDENT", "110101199003074512",
                null, null, false, List.of(new HouseholdPanel.Phone(2L, "13800138000", "MOBILE", true, "MANUAL"),
                new HouseholdPanel.Phone(3L, "010-62345678", "HOME", false, "MANUAL")));
        BlacklistHit hit = new BlacklistHit(4L, "17000000001", "恶意骚扰", null, LocalDateTime.now(), "admin");
        HouseholdPanel panel = new HouseholdPanel(null, "M1", "V1", null, "备注", "MANUAL", null, customer, List.of(), 9L,
                List.of(), List.of(), true, List.of(), List.of(), List.of(hit));
        CallerPanel masked = PanelMasking.masked(new CallerPanel("13800138000", List.of(), panel, List.of(hit)));

        assertThat(masked.phone()).isNotEqualTo("13800138000").contains("*");
        HouseholdPanel.Customer c = masked.panel().customer();
        assertThat(c.phones()).extracting(HouseholdPanel.Phone::phone).allSatisfy(p -> assertThat(p).contains("*"))
                .doesNotContain("13800138000", "010-62345678");
        assertThat(c.idNumber()).contains("*").isNotEqualTo("110101199003074512");
        assertThat(masked.blacklist()).extracting(BlacklistHit::phone).allSatisfy(p -> assertThat(p).contains("*"));
        assertThat(masked.panel().blacklist()).extracting(BlacklistHit::phone).allSatisfy(p -> assertThat(p).contains("*"));
        // the rest of the panel is the same
        assertThat(c.name()).isEqualTo("张三");
        assertThat(masked.panel().meterNo()).isEqualTo("M1");
        assertThat(masked.panel().stationId()).isEqualTo(9L);
        assertThat(PanelMasking.masked((CallerPanel) null)).isNull();
    }
}
