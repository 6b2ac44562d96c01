package cn.heatdesk.repair.mobile.media;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** What the console's ticket drawer shows of the field work (ids boxed so JSON carries them as strings). */
public final class FieldRecordViews {

    private FieldRecordViews() {
    }

    /**
     * @param asrConfigured     false: voice notes stay audio (“未配置语音识别，保留原声”)
     * @param heatNetConfigured false: temperatures go only to the base data
     */
    public record FieldRecord(Long ticketId, String ticketNo, List<MediaView> media, List<MediaView> voiceNotes,
                              SignatureView signature, List<TemperatureView> temperatures, boolean asrConfigured,
                              boolean heatNetConfigured) {
    }

    /** a photo, video or recording; fileId opens it through /api/files/{fileId} */
    public record MediaView(Long id, String kind, String kindLabel, String contentHash, Long fileId, String mimeType,
                            Long size, String fileName, LocalDateTime capturedAt, BigDecimal lat, BigDecimal lng,
                            String note, Integer durationSeconds, String transcript, String transcriptStatus,
                            Long userId, String userName, LocalDateTime createdAt) {
    }

    /** intact: the stored record hash still matches the stored facts */
    public record SignatureView(Long id, String signatureHash, Long fileId, String recordHash, boolean intact,
                                int satisfaction, String satisfactionLabel, String comment, LocalDateTime clientTime,
                                LocalDateTime serverTime, Long userId, String userName) {
    }

    public record TemperatureView(Long id, Long householdId, String householdCode, BigDecimal indoorTemp,
                                  LocalDateTime measuredAt, String room, String note, Long userId, String userName,
                                  LocalDateTime createdAt, LocalDateTime forwardedAt, String forwardError) {
    }

    static MediaView media(TicketMediaRow l) {
        MediaKind kind = MediaKind.valueOf(l.getMediaKind());
        return new MediaView(l.getId(), kind.name(), kind.label(), l.getContentHash(), l.getFileId(), l.getMimeType(),
                l.getSizeBytes(), l.getFileName(), l.getCapturedAt(), l.getGpsLat(), l.getGpsLng(), l.getNote(),
                l.getDurationSeconds(), l.getTranscript(), l.getTranscriptStatus(), l.getUserId(), l.getUserName(),
                l.getCreatedAt());
    }

    static SignatureView signature(SignatureRow s, boolean intact) {
        int sat = s.getSatisfaction();
        return new SignatureView(s.getId(), s.getSignatureHash(), s.getFileId(), s.getRecordHash(), intact, sat,
                sat >= 1 && sat <= 5 ? FieldMediaService.SATISFACTION[sat] : null, s.getCustomerComment(),
                s.getClientTime(), s.getServerTime(), s.getUserId(), s.getUserName());
    }

    static TemperatureView temperature(FieldTempRow t) {
        return new TemperatureView(t.getId(), t.getHouseholdId(), t.getHouseholdCode(), t.getIndoorTemp(),
                t.getMeasuredAt(), t.getRoomName(), t.getNote(), t.getUserId(), t.getUserName(), t.getCreatedAt(),
                t.getForwardedAt(), t.getForwardError());
    }
}
