package cn.heatdesk.baseinfo.blacklist;

import cn.heatdesk.baseinfo.api.BlacklistHit;
import cn.heatdesk.kernel.crypto.MaskType;
import cn.heatdesk.kernel.crypto.Masked;

import java.time.LocalDateTime;
import java.util.List;

/** Blacklist views for the console; numbers masked for users without data:unmask. */
public final class BlacklistViews {

    private BlacklistViews() {
    }

    /**
     * @param status    ACTIVE, EXPIRED (active but past its expiry) or REMOVED
     * @param removable whether the current user may remove it (the entry lies in the user's data scope)
     */
    public record EntryView(Long id, @Masked(MaskType.PHONE) String phone, String reason, LocalDateTime expiresAt,
                            String status, Long createdBy, String createdByName, LocalDateTime createdAt,
                            Long removedBy, String removedByName, LocalDateTime removedAt, String removeReason,
                            Long subsidiaryId, String orgPath, Integer rowVersion, boolean removable) {
    }

    public record HitView(Long id, @Masked(MaskType.PHONE) String phone, String reason, LocalDateTime expiresAt,
                          LocalDateTime createdAt, String createdByName) {

        public static HitView of(BlacklistHit h) {
            return new HitView(h.id(), h.phone(), h.reason(), h.expiresAt(), h.createdAt(), h.createdByName());
        }
    }

    public record CheckView(@Masked(MaskType.PHONE) String phone, boolean blacklisted, List<HitView> hits) {
    }
}
