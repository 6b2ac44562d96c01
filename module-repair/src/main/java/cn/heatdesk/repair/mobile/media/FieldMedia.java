package cn.heatdesk.repair.mobile.media;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Field evidence bound to a work order: uploaded media, the customer's e-signature, voice notes and temperature
 * readings. Called by the sync command handlers inside the command's transaction; a refusal is a
 * {@code BizException} (the command is then recorded as rejected with that code and message) and leaves nothing
 * written. Every method is idempotent for the same {@link FieldActor#opId()}.
 */
public interface FieldMedia {

    /** links a completely uploaded item (by SM3 content hash) to the ticket; MEDIA_NOT_FOUND when not uploaded */
    FieldMediaRef attach(long ticketId, String contentHash, MediaKind kind, String note, FieldActor actor);

    /**
     * Binds the customer's signature (an uploaded SIGNATURE image) and satisfaction 1–5 to the ticket, hashed and
     * time-stamped by the server; refused with SIGNATURE_EXISTS (and audited) when the ticket already has one.
     */
    SignatureRecord sign(long ticketId, String signatureHash, int satisfaction, String comment,
                         LocalDateTime clientTime, FieldActor actor);

    Optional<SignatureRecord> signatureOf(long ticketId);

    /** stores a voice note (uploaded AUDIO); transcribed when an ASR engine is configured, else kept as audio */
    FieldMediaRef voiceNote(long ticketId, String audioHash, Integer durationSeconds, FieldActor actor);

    /** a room temperature reading for the ticket's household: to the base data and the heat-network adapter */
    TemperatureRecord temperature(long ticketId, BigDecimal indoorTemp, LocalDateTime measuredAt, String room,
                                  String note, FieldActor actor);

    /** everything recorded for a ticket, oldest first (console ticket drawer, app detail) */
    List<FieldMediaRef> mediaOf(long ticketId);

    record FieldMediaRef(long id, long ticketId, MediaKind kind, String contentHash, long fileId, String mimeType,
                         long size, LocalDateTime capturedAt, Double lat, Double lng, String note,
                         String transcript, String transcriptStatus, long userId, String userName,
                         LocalDateTime createdAt) {
    }

    record SignatureRecord(long id, long ticketId, String signatureHash, String recordHash, int satisfaction,
                           String comment, LocalDateTime clientTime, LocalDateTime serverTime, long userId,
                           String userName) {
    }

    record TemperatureRecord(long id, long ticketId, Long householdId, BigDecimal indoorTemp,
                             LocalDateTime measuredAt, String room, boolean forwardedToHeatNet) {
    }
}
