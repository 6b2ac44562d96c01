package cn.heatdesk.repair.mobile.media;

import org.springframework.dao.DuplicateKeyException;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The field media tables in memory with their unique keys, for unit tests of the services. */
class InMemoryMediaMapper implements FieldMediaMapper {

    final Map<Long, MediaUploadRow> uploads = new LinkedHashMap<>();
    final Map<Long, FieldMediaRow> media = new LinkedHashMap<>();
    final Map<Long, TicketMediaRow> links = new LinkedHashMap<>();
    final Map<Long, SignatureRow> signatures = new LinkedHashMap<>();
    final Map<Long, FieldTempRow> temps = new LinkedHashMap<>();

    @Override
    public void insertUpload(MediaUploadRow row) {
        if (selectUpload(row.getContentHash(), row.getUploaderId()) != null) {
            throw new DuplicateKeyException("uk_rp_media_upload_hash");
        }
        uploads.put(row.getId(), copy(row));
    }

    @Override
    public MediaUploadRow selectUploadById(long id) {
        return uploads.containsKey(id) ? copy(uploads.get(id)) : null;
    }

    @Override
    public MediaUploadRow selectUploadForUpdate(long id) {
        return selectUploadById(id);
    }

    @Override
    public MediaUploadRow selectUpload(String hash, long uploaderId) {
        return uploads.values().stream().filter(u -> u.getContentHash().equals(hash) && u.getUploaderId() == uploaderId)
                .findFirst().map(InMemoryMediaMapper::copy).orElse(null);
    }

    @Override
    public int updateUploadProgress(long id, long received, LocalDateTime at) {
        MediaUploadRow u = uploads.get(id);
        if (u == null || !MediaUploadService.RECEIVING.equals(u.getUploadState())) {
            return 0;
        }
        u.setReceivedBytes(received);
        u.setUpdatedAt(at);
        return 1;
    }

    @Override
    public int markUploadDone(long id, long mediaId, long received, LocalDateTime at) {
        MediaUploadRow u = uploads.get(id);
        if (u == null) {
            return 0;
        }
        u.setUploadState(MediaUploadService.DONE);
        u.setMediaId(mediaId);
        u.setReceivedBytes(received);
        u.setTempPath(null);
        u.setUpdatedAt(at);
        return 1;
    }

    @Override
    public int deleteUpload(long id) {
        return uploads.remove(id) == null ? 0 : 1;
    }

    @Override
    public List<MediaUploadRow> selectStaleUploads(LocalDateTime before) {
        return uploads.values().stream().filter(u -> MediaUploadService.RECEIVING.equals(u.getUploadState())
                && u.getUpdatedAt().isBefore(before)).map(InMemoryMediaMapper::copy).toList();
    }

    @Override
    public void insertMedia(FieldMediaRow row) {
        if (selectMediaByHash(row.getContentHash()) != null) {
            throw new DuplicateKeyException("uk_rp_field_media_hash");
        }
        media.put(row.getId(), row);
    }

    @Override
    public FieldMediaRow selectMediaByHash(String hash) {
        return media.values().stream().filter(m -> m.getContentHash().equals(hash)).findFirst().orElse(null);
    }

    @Override
    public void insertLink(TicketMediaRow row) {
        if (selectLinkByOp(row.getTicketId(), row.getOpId()) != null) {
            throw new DuplicateKeyException("uk_rp_ticket_media_op");
        }
        links.put(row.getId(), row);
    }

    @Override
    public TicketMediaRow selectLinkByOp(long ticketId, String opId) {
        return links.values().stream().filter(l -> l.getTicketId() == ticketId && l.getOpId().equals(opId))
                .findFirst().map(this::joined).orElse(null);
    }

    @Override
    public List<TicketMediaRow> selectLinks(long ticketId) {
        return links.values().stream().filter(l -> l.getTicketId() == ticketId)
                .sorted(Comparator.comparing(TicketMediaRow::getCreatedAt).thenComparing(TicketMediaRow::getId))
                .map(this::joined).toList();
    }

    @Override
    public List<Long> selectTicketIdsOfMedia(long mediaId) {
        List<Long> ids = new ArrayList<>();
        links.values().stream().filter(l -> l.getMediaId() == mediaId).forEach(l -> ids.add(l.getTicketId()));
        signatures.values().stream().filter(s -> s.getMediaId() == mediaId).forEach(s -> ids.add(s.getTicketId()));
        return ids.stream().distinct().toList();
    }

    @Override
    public void insertSignature(SignatureRow row) {
        if (signatures.values().stream().anyMatch(s -> s.getTicketId() == row.getTicketId())) {
            throw new DuplicateKeyException("uk_rp_signature_ticket");
        }
        signatures.put(row.getId(), row);
    }

    @Override
    public SignatureRow selectSignature(long ticketId) {
        return signatures.values().stream().filter(s -> s.getTicketId() == ticketId).findFirst().map(s -> {
            s.setFileId(media.get(s.getMediaId()).getFileId());
            return s;
        }).orElse(null);
    }

    @Override
    public void insertTemp(FieldTempRow row) {
        if (selectTempByOp(row.getTicketId(), row.getOpId()) != null) {
            throw new DuplicateKeyException("uk_rp_field_temp_op");
        }
        temps.put(row.getId(), row);
    }

    @Override
    public FieldTempRow selectTempByOp(long ticketId, String opId) {
        return temps.values().stream().filter(t -> t.getTicketId() == ticketId && t.getOpId().equals(opId))
                .findFirst().orElse(null);
    }

    @Override
    public FieldTempRow selectTempById(long id) {
        return temps.get(id);
    }

    @Override
    public List<FieldTempRow> selectTemps(long ticketId) {
        return temps.values().stream().filter(t -> t.getTicketId() == ticketId).toList();
    }

    @Override
    public List<FieldTempRow> selectUnforwarded(int maxAttempts, LocalDateTime before) {
        return temps.values().stream().filter(t -> t.getForwardedAt() == null && t.getHouseholdCode() != null
                && t.getForwardAttempts() < maxAttempts && t.getCreatedAt().isBefore(before)).toList();
    }

    @Override
    public int markForwarded(long id, LocalDateTime at) {
        FieldTempRow t = temps.get(id);
        t.setForwardedAt(at);
        t.setForwardError(null);
        t.setForwardAttempts(t.getForwardAttempts() + 1);
        return 1;
    }

    @Override
    public int markForwardFailed(long id, String error) {
        FieldTempRow t = temps.get(id);
        t.setForwardError(error);
        t.setForwardAttempts(t.getForwardAttempts() + 1);
        return 1;
    }

    /** the link with its item's columns, as the SQL join returns it */
    private TicketMediaRow joined(TicketMediaRow l) {
        FieldMediaRow m = Objects.requireNonNull(media.get(l.getMediaId()));
        l.setContentHash(m.getContentHash());
        l.setFileId(m.getFileId());
        l.setMimeType(m.getMimeType());
        l.setSizeBytes(m.getSizeBytes());
        l.setFileName(m.getFileName());
        l.setCapturedAt(m.getCapturedAt());
        l.setGpsLat(m.getGpsLat());
        l.setGpsLng(m.getGpsLng());
        return l;
    }

    /** rows are values: a caller changing its copy does not change the "table" */
    private static MediaUploadRow copy(MediaUploadRow r) {
        MediaUploadRow c = new MediaUploadRow();
        c.setId(r.getId());
        c.setContentHash(r.getContentHash());
        c.setSizeBytes(r.getSizeBytes());
        c.setMediaKind(r.getMediaKind());
        c.setMimeType(r.getMimeType());
        c.setFileName(r.getFileName());
        c.setCapturedAt(r.getCapturedAt());
        c.setGpsLat(r.getGpsLat());
        c.setGpsLng(r.getGpsLng());
        c.setUploaderId(r.getUploaderId());
        c.setReceivedBytes(r.getReceivedBytes());
        c.setTempPath(r.getTempPath());
        c.setUploadState(r.getUploadState());
        c.setMediaId(r.getMediaId());
        c.setSubsidiaryId(r.getSubsidiaryId());
        c.setOrgPath(r.getOrgPath());
        c.setCreatedAt(r.getCreatedAt());
        c.setUpdatedAt(r.getUpdatedAt());
        return c;
    }
}
