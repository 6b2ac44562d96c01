package cn.heatdesk.servicedesk.ticket;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.storage.FileService;
import cn.heatdesk.kernel.storage.StoredFile;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Links files of the kernel file store (SM3-addressed, type/size checked at upload) to tickets, per stage
 * (acceptance, handling, visit). A file already linked to the ticket is not linked twice.
 */
@Component
public class TicketAttachments {

    static final int MAX_PER_TICKET = 50;

    private final FileService files;
    private final TicketMapper mapper;
    private final IdGenerator ids;

    public TicketAttachments(FileService files, TicketMapper mapper, IdGenerator ids) {
        this.files = files;
        this.mapper = mapper;
        this.ids = ids;
    }

    public void link(Ticket t, List<Long> fileIds, String stage) {
        List<StoredFile> found = files.findAll(fileIds);
        Set<Long> foundIds = new HashSet<>();
        found.forEach(f -> foundIds.add(f.id()));
        for (Long id : fileIds) {
            if (id == null || !foundIds.contains(id)) {
                throw BizException.invalid("attachmentIds", "附件不存在或已过期，请重新上传（文件 " + id + "）");
            }
        }
        List<TicketFile> existing = mapper.selectFiles(t.getId());
        if (existing.size() + found.size() > MAX_PER_TICKET) {
            throw BizException.invalid("attachmentIds", "每张工单最多 " + MAX_PER_TICKET + " 个附件");
        }
        Set<Long> already = new HashSet<>();
        existing.forEach(f -> already.add(f.getFileId()));
        CurrentUser u = SecurityContext.current().orElse(null);
        LocalDateTime now = LocalDateTime.now();
        for (StoredFile f : found) {
            if (!already.add(f.id())) {
                continue;
            }
            TicketFile tf = new TicketFile();
            tf.setId(ids.nextId());
            tf.setTicketId(t.getId());
            tf.setFileId(f.id());
            tf.setFileName(f.fileName());
            tf.setContentType(f.contentType());
            tf.setSizeBytes(f.size());
            tf.setSm3(f.sm3());
            tf.setStage(stage);
            tf.setUploadedBy(u == null ? null : u.userId());
            tf.setUploadedByName(u == null ? "系统" : u.realName());
            tf.setSubsidiaryId(t.getSubsidiaryId());
            tf.setOrgPath(t.getOrgPath());
            tf.setCreatedAt(now);
            mapper.insertFile(tf);
        }
    }
}
