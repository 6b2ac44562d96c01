package cn.heatdesk.repair.mobile.media;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Background work of field media, each under a ShedLock lock so one instance runs it at a time. */
@Component
class FieldMediaJobs {

    private final MediaUploadService uploads;
    private final FieldMediaService media;

    FieldMediaJobs(MediaUploadService uploads, FieldMediaService media) {
        this.uploads = uploads;
        this.media = media;
    }

    /** incomplete uploads untouched for heatdesk.repair.media.upload-expiry (24 h) go, with their temp files */
    @Scheduled(fixedDelayString = "${heatdesk.repair.media.cleanup-interval:PT1H}", initialDelayString = "PT2M")
    @SchedulerLock(name = "repair-media-upload-cleanup", lockAtMostFor = "PT30M")
    public void expireUploads() {
        uploads.expireStale();
    }

    /** field temperatures not yet accepted by the smart heat network (nothing to do when it is not configured) */
    @Scheduled(fixedDelayString = "${heatdesk.repair.media.heatnet-interval:PT30S}", initialDelayString = "PT30S")
    @SchedulerLock(name = "repair-field-temp-forward", lockAtMostFor = "PT10M")
    public void forwardTemperatures() {
        media.forwardPending();
    }
}
