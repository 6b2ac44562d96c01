package cn.heatdesk.callcenter.voicemail;

import cn.heatdesk.kernel.storage.FileKind;
import cn.heatdesk.kernel.storage.FileService;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts a message's audio into the kernel file store, the store whose ids work orders take as attachments
 * ({@code TicketCreate.attachmentIds}). Storing the same content under the same name again (a retried attempt)
 * returns the same file.
 */
@Component
class AudioAttachments {

    private final FileService files;

    AudioAttachments(FileService files) {
        this.files = files;
    }

    /** the stored file's id */
    long store(Path audio, String name) {
        try (InputStream in = Files.newInputStream(audio)) {
            return files.store(in, name, "audio/wav", FileKind.AUDIO).id();
        } catch (IOException e) {
            throw new UncheckedIOException("读取留言录音失败：" + e.getMessage(), e);
        }
    }
}
