package cn.heatdesk.repair.mobile.review;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.repair.mobile.sync.CheckIn;
import cn.heatdesk.repair.mobile.sync.SyncMapper;
import cn.heatdesk.repair.mobile.sync.SyncOp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * The station lead's view of the field: commands the server refused (kept until someone resolves them with a
 * note) and check-ins. Both are scoped by the org path of the ticket's station (the user's station for commands
 * and check-ins without a ticket).
 */
@Service
public class ReviewService {

    static final int EXPORT_MAX = 100_000;
    private static final int CHUNK = 1000;

    private final SyncMapper mapper;

    public ReviewService(SyncMapper mapper) {
        this.mapper = mapper;
    }

    public record RejectedFilter(Long workerId, Long ticketId, String ticketNo, String code, LocalDateTime from,
                                 LocalDateTime to, Boolean resolved) {
    }

    public record CheckInFilter(Long workerId, String checkType, Long ticketId, LocalDateTime from, LocalDateTime to) {
    }

    public PageResult<SyncOp> rejected(RejectedFilter f, PageQuery q) {
        range(f.from(), f.to());
        return Paging.page(q, 10_000, () -> mapper.listRejected(f.workerId(), f.ticketId(), blank(f.ticketNo()),
                blank(f.code()), f.from(), f.to(), f.resolved()));
    }

    @Transactional
    public SyncOp resolve(String opId, String note) {
        if (note == null || note.isBlank()) {
            throw BizException.invalid("note", "请填写处理说明");
        }
        if (note.length() > 500) {
            throw BizException.invalid("note", "处理说明不能超过 500 个字");
        }
        SyncOp op = mapper.selectOpScoped(opId);
        if (op == null || !"REJECTED".equals(op.status)) {
            throw BizException.notFound("被拒绝的操作");
        }
        if (op.reviewedAt != null) {
            throw BizException.conflict("该操作已由 " + op.reviewedByName + " 处理");
        }
        CurrentUser me = SecurityContext.require();
        if (mapper.resolve(opId, me.userId(), me.realName(), LocalDateTime.now(), note.trim()) == 0) {
            throw BizException.conflict("该操作已被他人处理，请刷新");
        }
        return mapper.selectOpScoped(opId);
    }

    /** filter checks alone (an export answers them as JSON before any byte of the file is written) */
    public void validate(CheckInFilter f) {
        checkType(f.checkType());
        range(f.from(), f.to());
    }

    public PageResult<CheckIn> checkIns(CheckInFilter f, PageQuery q) {
        validate(f);
        return Paging.page(q, 10_000, () -> mapper.listCheckIns(f.workerId(), f.checkType(), f.ticketId(), f.from(), f.to(),
                null, null));
    }

    /**
     * Streams the filtered check-ins (scoped), newest first, at most 100,000, in keyset chunks of 1,000 (no
     * count, no growing offset). Returns how many were written.
     */
    public int exportCheckIns(CheckInFilter f, Consumer<List<CheckIn>> sink) {
        validate(f);
        int total = 0;
        LocalDateTime beforeTime = null;
        Long beforeId = null;
        while (total < EXPORT_MAX) {
            LocalDateTime bt = beforeTime;
            Long bi = beforeId;
            List<CheckIn> rows = Paging.limit(Math.min(CHUNK, EXPORT_MAX - total), () -> mapper.listCheckIns(
                    f.workerId(), f.checkType(), f.ticketId(), f.from(), f.to(), bt, bi));
            if (rows.isEmpty()) {
                break;
            }
            sink.accept(rows);
            total += rows.size();
            CheckIn last = rows.get(rows.size() - 1);
            beforeTime = last.clientTime;
            beforeId = last.id;
        }
        return total;
    }

    private static void checkType(String t) {
        if (t != null && !t.equals("DAILY") && !t.equals("SITE")) {
            throw BizException.invalid("checkType", "签到类型只能是 DAILY（每日签到）或 SITE（现场签到）");
        }
    }

    private static void range(LocalDateTime from, LocalDateTime to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw BizException.invalid("to", "结束时间必须晚于开始时间");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
