package cn.heatdesk.monitor.ticket;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.monitor.api.ApprovalBizTypes;
import cn.heatdesk.monitor.api.ApprovalHandler;
import cn.heatdesk.monitor.api.ApprovalInfo;
import cn.heatdesk.monitor.api.ApprovalRequest;
import cn.heatdesk.monitor.api.ApprovalTarget;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Approvals of work-order actions (延期, 退回, 作废, 取消, 免回访处结, 二次派单). The payload is the
 * {@link TicketCommand} the applicant would have performed; the ticket service checks it is legal and marks the
 * ticket pending when the approval is submitted, and replays it (without the version check: the ticket changed when
 * it was marked) when the last level approves.
 */
@Component
public class TicketApprovalHandler implements ApprovalHandler {

    private final TicketApi tickets;
    private final OrgApi orgs;
    private final ObjectMapper json;

    public TicketApprovalHandler(TicketApi tickets, OrgApi orgs, ObjectMapper json) {
        this.tickets = tickets;
        this.orgs = orgs;
        this.json = json;
    }

    @Override
    public String bizType() {
        return ApprovalBizTypes.TICKET;
    }

    @Override
    public String actionLabel(String action) {
        try {
            return TicketAction.valueOf(action).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return action;
        }
    }

    @Override
    public ApprovalTarget validate(ApprovalRequest request) {
        TicketAction action = parse(request.action());
        // scoped read: an applicant who cannot see the ticket gets 404, as everywhere else
        TicketRow row = tickets.detail(request.bizId()).ticket();
        TicketCommand command = command(action, request.payload(), request.reason());
        if (action == TicketAction.DELAY && command.deadline() == null
                && (command.extendMinutes() == null || command.extendMinutes() <= 0)) {
            throw BizException.invalid("extendMinutes", "请填写延期时长（分钟）");
        }
        return new ApprovalTarget(row.ticketNo(), row.subsidiaryId(), orgPathOf(row), row.stationOrgId(), write(command));
    }

    @Override
    public void requireVisible(long bizId) {
        tickets.detail(bizId);
    }

    @Override
    public void onSubmitted(ApprovalInfo approval) {
        tickets.requestApproval(approval.bizId(), read(approval), approval.id());
    }

    @Override
    public void onApproved(ApprovalInfo approval, String approverName) {
        tickets.applyApproved(approval.bizId(), read(approval).withoutVersion(), approval.id(), approverName);
    }

    @Override
    public void onRejected(ApprovalInfo approval, String reason) {
        tickets.approvalRejected(approval.bizId(), parse(approval.action()), approval.id(), reason);
    }

    static TicketAction parse(String action) {
        TicketAction a;
        try {
            a = TicketAction.valueOf(action);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw BizException.invalid("action", "工单操作“" + action + "”不存在");
        }
        if (!a.approvable()) {
            throw BizException.invalid("action", "工单操作“" + a.label() + "”不需要审批");
        }
        return a;
    }

    /** the payload as a command for {@code action}; its reason defaults to the approval's reason */
    TicketCommand command(TicketAction action, Map<String, Object> payload, String reason) {
        Map<String, Object> m = new LinkedHashMap<>(payload == null ? Map.of() : payload);
        m.remove("action");
        TicketCommand c;
        try {
            c = json.convertValue(m, TicketCommand.class);
        } catch (IllegalArgumentException e) {
            throw BizException.invalid("payload", "工单操作参数格式不正确");
        }
        c = c.withAction(action);
        if (c.reason() == null || c.reason().isBlank()) {
            c = new TicketCommand(action, c.expectedVersion(), reason, c.note(), c.stationOrgId(), c.workerId(),
                    c.extendMinutes(), c.targetSubsidiaryId(), c.satisfaction(), c.visitResult(), c.deadline(), c.fields());
        }
        return c;
    }

    TicketCommand read(ApprovalInfo approval) {
        try {
            return json.readValue(approval.payloadJson(), TicketCommand.class).withAction(parse(approval.action()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload of approval " + approval.approvalNo() + " unreadable", e);
        }
    }

    private String write(TicketCommand c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** the station's path while a station holds the ticket, else the subsidiary's (TicketRow carries no path) */
    private String orgPathOf(TicketRow row) {
        Long org = row.stationOrgId() != null ? row.stationOrgId() : row.subsidiaryId();
        if (org == null) {
            return "/";
        }
        return orgs.find(org).map(OrgInfo::orgPath).orElse("/");
    }
}
