package cn.heatdesk.repair.mobile.device;

import cn.dev33.satoken.stp.StpUtil;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.repair.mobile.FieldUsers;
import cn.heatdesk.repair.mobile.MobileException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Device binding of field users: the first device a user logs in with is bound; a login from another device
 * files one re-binding request for the station lead and is refused until it is approved. Approve, reject and
 * unbind are console actions in the lead's data scope (audited by the controller).
 */
@Service
public class DeviceService {

    /** the Sa-Token login device of an app token */
    public static final String DEVICE_PREFIX = "APP-";
    static final int MAX_ID = 64;

    private final DeviceMapper mapper;
    private final IdGenerator ids;
    private final TransactionTemplate tx;

    public DeviceService(DeviceMapper mapper, IdGenerator ids, TransactionTemplate tx) {
        this.mapper = mapper;
        this.ids = ids;
        this.tx = tx;
    }

    public static String loginDevice(String deviceId) {
        return DEVICE_PREFIX + deviceId;
    }

    /**
     * Decides whether {@code u} may log in on this device (called by the login after the password was accepted):
     * binds a first device, refuses others with DEVICE_NOT_BOUND after filing (or keeping) a pending request.
     * The request is committed even though the login then fails.
     */
    public Device admit(CurrentUser u, String deviceId, String deviceName, String platform) {
        if (!FieldUsers.mayUseApp(u)) {
            throw new MobileException(403, "MOBILE_NOT_ALLOWED", "该账号不是维修人员或维修站负责人，不能使用移动运维端", null);
        }
        Device outcome = tx.execute(s -> bindOrRequest(u, deviceId, deviceName, platform));
        if (outcome == null) {
            Device bound = mapper.selectByUser(u.userId());
            String name = bound == null ? "其他设备" : nameOf(bound.deviceName, bound.deviceId);
            throw new MobileException(403, "DEVICE_NOT_BOUND",
                    "该账号已绑定其他设备（" + name + "），已提交换绑申请，请等待审批", "deviceId");
        }
        return outcome;
    }

    /** @return the binding when this device is (now) the bound one; null when a re-binding request was filed */
    private Device bindOrRequest(CurrentUser u, String deviceId, String deviceName, String platform) {
        LocalDateTime now = LocalDateTime.now();
        Device d = mapper.selectByUserForUpdate(u.userId());
        if (d == null) {
            d = binding(u.userId(), u.realName(), deviceId, deviceName, platform, u.userId(),
                    u.subsidiaryId() == null ? 0L : u.subsidiaryId(), u.orgPath(), now);
            d.lastSeenAt = now;
            try {
                mapper.insert(d);
            } catch (DuplicateKeyException raced) {
                // two first logins at once: the other one bound its device; decide against that binding
                return bindOrRequest(u, deviceId, deviceName, platform);
            }
            return d;
        }
        if (d.deviceId.equals(deviceId)) {
            mapper.touch(u.userId(), now);
            return d;
        }
        List<DeviceRequest> pending = mapper.selectPendingOfUser(u.userId());
        boolean have = false;
        for (DeviceRequest r : pending) {
            if (r.deviceId.equals(deviceId)) {
                have = true;
            } else {
                // the user now asks for another device: only the latest request stands
                mapper.decide(r.id, "CANCELLED", null, null, now, "已被新的换绑申请取代");
            }
        }
        if (!have) {
            DeviceRequest r = new DeviceRequest();
            r.id = ids.nextId();
            r.userId = u.userId();
            r.userName = u.realName();
            r.deviceId = deviceId;
            r.deviceName = deviceName;
            r.platform = platform;
            r.oldDeviceId = d.deviceId;
            r.oldDeviceName = d.deviceName;
            r.requestedAt = now;
            r.subsidiaryId = d.subsidiaryId;
            r.orgPath = d.orgPath;
            mapper.insertRequest(r);
        }
        return null;
    }

    private Device binding(long userId, String userName, String deviceId, String deviceName, String platform,
                           long boundBy, long subsidiaryId, String orgPath, LocalDateTime now) {
        Device d = new Device();
        d.id = ids.nextId();
        d.userId = userId;
        d.userName = userName;
        d.deviceId = deviceId;
        d.deviceName = deviceName;
        d.platform = platform;
        d.boundAt = now;
        d.boundBy = boundBy;
        d.subsidiaryId = subsidiaryId;
        d.orgPath = orgPath;
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }

    /** the user's bound device (unscoped; the per-request check of /api/mobile/**) */
    public Optional<Device> bound(long userId) {
        return Optional.ofNullable(mapper.selectByUser(userId));
    }

    // ------------------------------------------------------------------ console

    public PageResult<Device> list(Long userId, String keyword, PageQuery q) {
        String like = keyword == null || keyword.isBlank() ? null : "%" + keyword.trim().replace("%", "") + "%";
        return Paging.page(q, () -> mapper.list(userId, like));
    }

    public PageResult<DeviceRequest> requests(String status, Long userId, PageQuery q) {
        if (status != null && !List.of("PENDING", "APPROVED", "REJECTED", "CANCELLED").contains(status)) {
            throw BizException.invalid("status", "状态只能是 PENDING、APPROVED、REJECTED 或 CANCELLED");
        }
        return Paging.page(q, () -> mapper.listRequests(status, userId));
    }

    /** binds the requested device; the old device's app tokens stop working at once */
    public DeviceRequest approve(long requestId, String note) {
        CurrentUser me = SecurityContext.require();
        DeviceRequest r = tx.execute(s -> {
            DeviceRequest req = pendingInScope(requestId);
            LocalDateTime now = LocalDateTime.now();
            Device d = mapper.selectByUserForUpdate(req.userId);
            if (d == null) {
                // unbound meanwhile: the approved device becomes the binding
                mapper.insert(binding(req.userId, req.userName, req.deviceId, req.deviceName, req.platform, me.userId(),
                        req.subsidiaryId, req.orgPath, now));
            } else {
                mapper.rebind(req.userId, req.deviceId, req.deviceName, req.platform, now, me.userId());
            }
            if (mapper.decide(requestId, "APPROVED", me.userId(), me.realName(), now, trim(note, "note")) == 0) {
                throw BizException.conflict("该申请已被处理，请刷新");
            }
            req.oldDeviceId = d == null ? null : d.deviceId;
            return req;
        });
        if (r.oldDeviceId != null && !r.oldDeviceId.equals(r.deviceId)) {
            StpUtil.kickout(r.userId, loginDevice(r.oldDeviceId));
        }
        return mapper.selectRequest(requestId);
    }

    public DeviceRequest reject(long requestId, String note) {
        CurrentUser me = SecurityContext.require();
        String reason = trim(note, "note");
        if (reason == null) {
            throw BizException.invalid("note", "请填写驳回原因");
        }
        tx.executeWithoutResult(s -> {
            pendingInScope(requestId);
            if (mapper.decide(requestId, "REJECTED", me.userId(), me.realName(), LocalDateTime.now(), reason) == 0) {
                throw BizException.conflict("该申请已被处理，请刷新");
            }
        });
        return mapper.selectRequest(requestId);
    }

    /** removes the binding (lost or replaced phone); the next login binds whatever device it comes from */
    public void unbind(long userId, String reason) {
        String why = trim(reason, "reason");
        if (why == null) {
            throw BizException.invalid("reason", "请填写解绑原因");
        }
        CurrentUser me = SecurityContext.require();
        Device d = tx.execute(s -> {
            Device scoped = mapper.selectByUserScoped(userId);
            if (scoped == null) {
                throw BizException.notFound("该人员的设备绑定");
            }
            mapper.selectByUserForUpdate(userId);
            mapper.delete(userId);
            for (DeviceRequest r : mapper.selectPendingOfUser(userId)) {
                mapper.decide(r.id, "CANCELLED", me.userId(), me.realName(), LocalDateTime.now(), "设备已解绑：" + why);
            }
            return scoped;
        });
        StpUtil.kickout(userId, loginDevice(d.deviceId));
    }

    private DeviceRequest pendingInScope(long requestId) {
        DeviceRequest req = mapper.selectRequest(requestId);
        if (req == null) {
            throw BizException.notFound("换绑申请");
        }
        if (!"PENDING".equals(req.status)) {
            throw BizException.conflict("该申请已处理（" + req.status + "），请刷新");
        }
        return req;
    }

    static String nameOf(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }

    private static String trim(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > 500) {
            throw BizException.invalid(field, "说明不能超过 500 个字");
        }
        return s.trim();
    }
}
