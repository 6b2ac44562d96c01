package cn.heatdesk.repair.mobile.media;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The field media tables. Not data-scoped: every read is keyed by a ticket whose visibility was checked through
 * TicketApi first, by the uploading user, or by a system job.
 */
@Mapper
public interface FieldMediaMapper {

    // ---- upload sessions
    void insertUpload(MediaUploadRow row);

    MediaUploadRow selectUploadById(@Param("id") long id);

    /** locked: concurrent chunks of one session queue here */
    MediaUploadRow selectUploadForUpdate(@Param("id") long id);

    MediaUploadRow selectUpload(@Param("hash") String hash, @Param("uploaderId") long uploaderId);

    int updateUploadProgress(@Param("id") long id, @Param("received") long received, @Param("at") LocalDateTime at);

    int markUploadDone(@Param("id") long id, @Param("mediaId") long mediaId, @Param("received") long received,
                       @Param("at") LocalDateTime at);

    int deleteUpload(@Param("id") long id);

    /** RECEIVING sessions untouched since {@code before} */
    List<MediaUploadRow> selectStaleUploads(@Param("before") LocalDateTime before);

    // ---- stored items
    void insertMedia(FieldMediaRow row);

    FieldMediaRow selectMediaByHash(@Param("hash") String hash);

    // ---- links to tickets
    void insertLink(TicketMediaRow row);

    TicketMediaRow selectLinkByOp(@Param("ticketId") long ticketId, @Param("opId") String opId);

    /** the ticket's links with their items' columns, oldest first */
    List<TicketMediaRow> selectLinks(@Param("ticketId") long ticketId);

    /** tickets an item is linked to (attachments, voice notes, signatures) */
    List<Long> selectTicketIdsOfMedia(@Param("mediaId") long mediaId);

    // ---- signatures
    void insertSignature(SignatureRow row);

    SignatureRow selectSignature(@Param("ticketId") long ticketId);

    // ---- temperatures
    void insertTemp(FieldTempRow row);

    FieldTempRow selectTempByOp(@Param("ticketId") long ticketId, @Param("opId") String opId);

    FieldTempRow selectTempById(@Param("id") long id);

    List<FieldTempRow> selectTemps(@Param("ticketId") long ticketId);

    /** readings not yet accepted by the heat network, fewer than {@code maxAttempts} tries, oldest first */
    List<FieldTempRow> selectUnforwarded(@Param("maxAttempts") int maxAttempts, @Param("before") LocalDateTime before);

    int markForwarded(@Param("id") long id, @Param("at") LocalDateTime at);

    int markForwardFailed(@Param("id") long id, @Param("error") String error);
}
