package cn.heatdesk.repair.dispatch;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.servicedesk.api.TicketAction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StationActionsTest {

    static CurrentUser lead(String... permissions) {
        return new CurrentUser(9L, "lead01", "赵站长", 2L, 5L, "/1/2/5/", DataScope.ORG_AND_CHILDREN, List.of(),
                Set.of(permissions), Set.of("STATION_LEAD"));
    }

    @Test
    void theStationsActionsPassWithTheirPermission() {
        CurrentUser lead = lead("repair:assign", "repair:handle");
        for (String a : List.of("CONFIRM", "ASSIGN", "REASSIGN", "COMPLETE", "CLOSE_DIRECT", "REPORT_PROGRESS", "NOTE",
                "RETURN", "VOID", "CANCEL", "DELAY")) {
            assertThat(StationActions.require(a, lead)).isEqualTo(TicketAction.valueOf(a));
        }
    }

    @Test
    void dispatchingAndVisitsAreNotTheStations() {
        CurrentUser lead = lead("repair:assign", "repair:handle");
        for (String a : List.of("DISPATCH", "REDISPATCH", "SECOND_DISPATCH", "VISIT", "TRANSFER", "SUPERVISE",
                "CLOSE_WITHOUT_VISIT", "WORKER_ACCEPT", "ESCALATE")) {
            assertThatThrownBy(() -> StationActions.require(a, lead))
                    .isInstanceOfSatisfying(BizException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                        assertThat(e.getMessage()).startsWith("维修站不能执行“");
                    });
        }
        assertThatThrownBy(() -> StationActions.require("FLY", lead))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("action"));
        assertThatThrownBy(() -> StationActions.require(" ", lead))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
    }

    @Test
    void eachActionNeedsItsOwnPermission() {
        CurrentUser assignOnly = lead("repair:assign");
        assertThat(StationActions.require("ASSIGN", assignOnly)).isEqualTo(TicketAction.ASSIGN);
        assertThatThrownBy(() -> StationActions.require("COMPLETE", assignOnly))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("无权执行“处理完成”操作");
                });
        assertThat(StationActions.filter(List.of("CONFIRM", "COMPLETE", "DISPATCH", "ASSIGN"), assignOnly))
                .containsExactly("CONFIRM", "ASSIGN");
    }
}
