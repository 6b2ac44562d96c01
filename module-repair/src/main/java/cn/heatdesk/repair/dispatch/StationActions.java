package cn.heatdesk.repair.dispatch;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.servicedesk.api.TicketAction;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a repair station may do to a ticket from the console, and which permission each action needs. Dispatching
 * to stations, visits, transfers and supervision belong to the service desk and the group, never to a station.
 * RETURN, VOID, CANCEL and DELAY are passed on: the ticket core answers APPROVAL_REQUIRED when an approval chain is
 * configured for them, and the console then files the approval instead.
 */
public final class StationActions {

    public static final String ASSIGN_PERMISSION = "repair:assign";
    public static final String HANDLE_PERMISSION = "repair:handle";

    /** the station's actions in the order the console offers them, each with its permission */
    static final Map<TicketAction, String> ALLOWED;

    static {
        Map<TicketAction, String> m = new LinkedHashMap<>();
        m.put(TicketAction.CONFIRM, ASSIGN_PERMISSION);
        m.put(TicketAction.ASSIGN, ASSIGN_PERMISSION);
        m.put(TicketAction.REASSIGN, ASSIGN_PERMISSION);
        m.put(TicketAction.COMPLETE, HANDLE_PERMISSION);
        m.put(TicketAction.CLOSE_DIRECT, HANDLE_PERMISSION);
        m.put(TicketAction.REPORT_PROGRESS, HANDLE_PERMISSION);
        m.put(TicketAction.NOTE, HANDLE_PERMISSION);
        m.put(TicketAction.RETURN, ASSIGN_PERMISSION);
        m.put(TicketAction.VOID, HANDLE_PERMISSION);
        m.put(TicketAction.CANCEL, HANDLE_PERMISSION);
        m.put(TicketAction.DELAY, HANDLE_PERMISSION);
        ALLOWED = Collections.unmodifiableMap(m);
    }

    /** actions that change who holds the ticket: the worker must be one of the station's profiled workers */
    static final Set<TicketAction> WORKER_ACTIONS = EnumSet.of(TicketAction.ASSIGN, TicketAction.REASSIGN);

    private StationActions() {
    }

    /**
     * The action if the station may perform it and the user holds its permission.
     *
     * @throws BizException 400 for an unknown action, 403 for an action that is not the station's or a missing
     *                      permission
     */
    public static TicketAction require(String name, CurrentUser user) {
        if (name == null || name.isBlank()) {
            throw BizException.invalid("action", "请指定操作");
        }
        TicketAction action;
        try {
            action = TicketAction.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw BizException.invalid("action", "不支持的操作“" + name + "”");
        }
        String permission = ALLOWED.get(action);
        if (permission == null) {
            throw BizException.forbidden("维修站不能执行“" + action.label() + "”操作");
        }
        if (user != null && !user.hasPermission(permission)) {
            throw BizException.forbidden("无权执行“" + action.label() + "”操作");
        }
        return action;
    }

    /** the station actions among those the ticket core allows now (the console's buttons) */
    public static List<String> filter(Collection<String> allowedByCore, CurrentUser user) {
        return ALLOWED.entrySet().stream()
                .filter(e -> allowedByCore != null && allowedByCore.contains(e.getKey().name()))
                .filter(e -> user == null || user.hasPermission(e.getValue()))
                .map(e -> e.getKey().name())
                .toList();
    }
}
