package cn.heatdesk.repair.mobile.media;

import java.io.InputStream;

/**
 * Speech to text for voice notes. HeatDesk ships no engine ({@code heatdesk.repair.asr.engine=none}, the default):
 * a site that has one declares a bean of this type and voice notes are transcribed when they are bound to a ticket;
 * without one they stay audio with transcript status NONE.
 */
public interface AsrEngine {

    /**
     * @param audio    the recording (the caller closes it)
     * @param mimeType its detected type, e.g. audio/mp4, audio/webm, audio/amr
     * @return the recognised text (may be empty); an exception marks the note's transcript FAILED, the audio is kept
     */
    String transcribe(InputStream audio, String mimeType) throws Exception;
}
