package cn.heatdesk.repair.mobile.sync;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.repair.mobile.MobileException;
import cn.heatdesk.repair.mobile.device.Device;
import cn.heatdesk.repair.mobile.device.DeviceMapper;
import cn.heatdesk.repair.mobile.media.FieldMediaException;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies a pushed batch exactly once, in device order.
 *
 * <p>Each command runs in its own transaction that first locks the user's device row: pushes of one user (the
 * same batch sent twice because a response was lost, two tabs …) queue there, so the "is this op id known?" check
 * and the insert of the op can never interleave. Inside the lock: a known op id returns its stored result
 * ({@code replayed}); a seq beyond {@code last_seq + 1} is DEFERRED (SEQ_GAP, nothing recorded); otherwise the op
 * row and the command's effects are written and {@code last_seq} advances, all in that one transaction. A business
 * refusal rolls it back, and a second transaction records the command as REJECTED with the code and message (so
 * nothing of a refused command remains, and the refusal is kept for the station lead). The unique op id is the last
 * line of defence should the lock ever be bypassed.
 */
@Service
public class PushService {

    public static final int MAX_BATCH = 1000;
    private static final Pattern OP_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final DeviceMapper devices;
    private final SyncMapper mapper;
    private final FieldCommands commands;
    private final OrgApi orgs;
    private final IdGenerator ids;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    public PushService(DeviceMapper devices, SyncMapper mapper, FieldCommands commands, OrgApi orgs, IdGenerator ids,
                       TransactionTemplate tx, ObjectMapper json) {
        this.devices = devices;
        this.mapper = mapper;
        this.commands = commands;
        this.orgs = orgs;
        this.ids = ids;
        this.tx = tx;
        this.json = json;
    }

    public SyncDtos.PushResult push(CurrentUser user, Device device, SyncDtos.PushRequest req) {
        List<SyncDtos.Command> batch = validated(device, req);
        List<SyncDtos.CommandResult> results = new ArrayList<>(batch.size());
        Map<String, SyncDtos.CommandResult> seen = new HashMap<>();
        // station org id → org path, read once per batch (a batch's tickets are mostly of one station)
        Map<Long, String> paths = new HashMap<>();
        boolean gap = false;
        for (SyncDtos.Command c : batch) {
            SyncDtos.CommandResult r;
            if (seen.containsKey(c.opId())) {
                SyncDtos.CommandResult first = seen.get(c.opId());
                r = new SyncDtos.CommandResult(first.opId(), first.seq(), first.status(), first.code(), first.message(),
                        first.ticketId(), first.ticketVersion(), true);
            } else if (gap) {
                r = deferred(c);
            } else {
                r = one(user, device, c, paths);
                gap = "DEFERRED".equals(r.status());
            }
            seen.putIfAbsent(c.opId(), r);
            results.add(r);
        }
        Device now = devices.selectByUser(user.userId());
        return new SyncDtos.PushResult(results, now == null ? 0 : now.lastSeq, LocalDateTime.now());
    }

    /** structural checks of the whole batch (400 naming the field); the order is by seq from here on */
    List<SyncDtos.Command> validated(Device device, SyncDtos.PushRequest req) {
        if (req == null || req.commands() == null) {
            throw BizException.invalid("commands", "请提交操作列表");
        }
        if (req.deviceId() == null || !req.deviceId().equals(device.deviceId)) {
            throw BizException.invalid("deviceId", "设备标识与登录设备不一致");
        }
        if (req.commands().size() > MAX_BATCH) {
            throw new MobileException(400, "BATCH_TOO_LARGE", "一次最多提交 " + MAX_BATCH + " 条操作，请分批提交", "commands");
        }
        for (int i = 0; i < req.commands().size(); i++) {
            SyncDtos.Command c = req.commands().get(i);
            String at = "commands[" + i + "].";
            if (c == null) {
                throw BizException.invalid("commands[" + i + "]", "第 " + (i + 1) + " 条操作为空");
            }
            if (c.opId() == null || !OP_ID.matcher(c.opId()).matches()) {
                throw BizException.invalid(at + "opId", "第 " + (i + 1) + " 条操作的 opId 无效（8-64 位字母、数字或 -）");
            }
            if (c.seq() == null || c.seq() < 1) {
                throw BizException.invalid(at + "seq", "第 " + (i + 1) + " 条操作的序号必须是正整数");
            }
            if (c.type() == null || c.type().isBlank()) {
                throw BizException.invalid(at + "type", "第 " + (i + 1) + " 条操作缺少类型");
            }
        }
        List<SyncDtos.Command> sorted = new ArrayList<>(req.commands());
        sorted.sort(Comparator.comparingLong(SyncDtos.Command::seq));
        return sorted;
    }

    private SyncDtos.CommandResult one(CurrentUser user, Device device, SyncDtos.Command c, Map<Long, String> paths) {
        Attempt a;
        try {
            a = tx.execute(s -> attempt(user, device, c, paths));
        } catch (BizException | MobileException refused) {
            return record(user, device, c, refused, paths);
        } catch (DuplicateKeyException raced) {
            // only reachable if the device lock was bypassed: the other writer's result stands
            return stored(mapper.selectOp(c.opId()), true);
        }
        return a.result();
    }

    private record Attempt(SyncDtos.CommandResult result) {
    }

    /** inside the command's transaction: lock, dedupe, order, apply */
    private Attempt attempt(CurrentUser user, Device device, SyncDtos.Command c, Map<Long, String> paths) {
        Device locked = lockBound(user, device);
        SyncOp known = mapper.selectOp(c.opId());
        if (known != null) {
            return new Attempt(stored(known, true));
        }
        if (c.seq() > locked.lastSeq + 1) {
            return new Attempt(deferred(c));
        }
        CommandType type = CommandType.parse(c.type());
        if (type == null) {
            throw BizException.invalid("type", "不支持的操作类型“" + c.type() + "”");
        }
        if (c.seq() <= locked.lastSeq) {
            throw BizException.invalid("seq", "序号 " + c.seq() + " 已被本设备的其他操作使用");
        }
        SyncOp op = newOp(user, device, c, type);
        FieldCommands.Context ctx;
        TicketRow t = null;
        if (type.needsTicket()) {
            ctx = context(user, device, c, type, user.orgPath(), user.subsidiaryId());
            t = commands.owned(ctx);
            String path = stationPath(t, user, paths);
            ctx = context(user, device, c, type, path, t.subsidiaryId());
            op.ticketNo = t.ticketNo();
            op.orgPath = path;
            op.subsidiaryId = t.subsidiaryId() == null ? 0L : t.subsidiaryId();
        } else {
            ctx = context(user, device, c, type, user.orgPath(), user.subsidiaryId());
        }
        FieldCommands.Outcome out = commands.apply(ctx, t);
        op.status = "APPLIED";
        op.ticketVersion = out.ticketVersion();
        Object msg = out.result().get("message");
        op.message = msg == null ? null : msg.toString();
        op.resultJson = write(out.result());
        mapper.insertOp(op);
        devices.updateLastSeq(user.userId(), c.seq());
        return new Attempt(stored(op, false));
    }

    /** a refused command, recorded in a fresh transaction (unless a racing push recorded it first) */
    private SyncDtos.CommandResult record(CurrentUser user, Device device, SyncDtos.Command c, RuntimeException refused,
                                          Map<Long, String> paths) {
        return tx.execute(s -> {
            Device locked = lockBound(user, device);
            SyncOp known = mapper.selectOp(c.opId());
            if (known != null) {
                return stored(known, true);
            }
            if (c.seq() > locked.lastSeq + 1) {
                return deferred(c);
            }
            CommandType type = CommandType.parse(c.type());
            SyncOp op = newOp(user, device, c, type);
            op.opType = type == null ? clip(c.type(), 32) : type.name();
            if (c.ticketId() != null) {
                try {
                    TicketRow t = commands.ticket(c.ticketId());
                    if (t != null) {
                        op.ticketNo = t.ticketNo();
                        op.orgPath = stationPath(t, user, paths);
                        op.subsidiaryId = t.subsidiaryId() == null ? 0L : t.subsidiaryId();
                    }
                } catch (RuntimeException ignored) {
                    // the refusal itself is what matters; the op keeps the user's org
                }
            }
            op.status = "REJECTED";
            op.reasonCode = codeOf(refused);
            op.message = clip(messageOf(refused), 1000);
            mapper.insertOp(op);
            if (c.seq() == locked.lastSeq + 1) {
                devices.updateLastSeq(user.userId(), c.seq());
            }
            return stored(op, false);
        });
    }

    /** the device row locked; the binding must still be this device (a re-binding may have happened meanwhile) */
    private Device lockBound(CurrentUser user, Device device) {
        Device locked = devices.selectByUserForUpdate(user.userId());
        if (locked == null || !locked.deviceId.equals(device.deviceId)) {
            throw new MobileException(401, "DEVICE_UNBOUND", "本设备已不再绑定到该账号，请重新登录", null);
        }
        return locked;
    }

    private SyncOp newOp(CurrentUser user, Device device, SyncDtos.Command c, CommandType type) {
        SyncOp op = new SyncOp();
        op.id = ids.nextId();
        op.opId = c.opId();
        op.userId = user.userId();
        op.userName = user.realName();
        op.deviceId = device.deviceId;
        op.seq = c.seq();
        op.opType = type == null ? null : type.name();
        op.ticketId = c.ticketId();
        op.payloadJson = write(c.payload());
        op.clientTime = c.clientTime();
        op.serverTime = LocalDateTime.now();
        op.subsidiaryId = user.subsidiaryId() == null ? 0L : user.subsidiaryId();
        op.orgPath = user.orgPath();
        return op;
    }

    private static FieldCommands.Context context(CurrentUser user, Device device, SyncDtos.Command c, CommandType type,
                                                 String path, Long subsidiaryId) {
        return new FieldCommands.Context(user, device.deviceId, c.opId(), type, c.ticketId(), c.payload(),
                c.clientTime(), path, subsidiaryId);
    }

    /** the org path the ticket is scoped under: its station's once dispatched, else its subsidiary's */
    private String stationPath(TicketRow t, CurrentUser user, Map<Long, String> paths) {
        Long org = t.stationOrgId() != null ? t.stationOrgId() : t.subsidiaryId();
        return org == null ? user.orgPath()
                : paths.computeIfAbsent(org, o -> orgs.find(o).map(OrgInfo::orgPath).orElse(user.orgPath()));
    }

    static String codeOf(RuntimeException e) {
        if (e instanceof MobileException m) {
            return m.code();
        }
        if (e instanceof FieldMediaException f) {
            return f.reason();
        }
        if (e instanceof BizException b) {
            // other modules' specific codes travel in the data (data.reason, as the field media do)
            if (b.data() instanceof Map<?, ?> m && m.get("reason") instanceof String code) {
                return code;
            }
            return b.code().name();
        }
        return "INTERNAL";
    }

    private static String messageOf(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "操作被拒绝" : m;
    }

    private SyncDtos.CommandResult stored(SyncOp op, boolean replayed) {
        return new SyncDtos.CommandResult(op.opId, op.seq, op.status, op.reasonCode, op.message, op.ticketId,
                op.ticketVersion, replayed);
    }

    private static SyncDtos.CommandResult deferred(SyncDtos.Command c) {
        return new SyncDtos.CommandResult(c.opId(), c.seq(), "DEFERRED", "SEQ_GAP",
                "前序操作尚未送达，请按顺序重新提交", c.ticketId(), null, false);
    }

    private String write(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
