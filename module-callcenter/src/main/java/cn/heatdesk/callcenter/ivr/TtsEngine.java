package cn.heatdesk.callcenter.ivr;

import java.util.Optional;

/**
 * Text to speech for dynamic IVR text (self-service announcements). HeatDesk ships no engine: without a bean of this
 * type the IVR speaks with recorded prompt files plus SAY DIGITS / SAY NUMBER (docs/ivr.md). An engine writes a
 * sound file the gateway can play and returns its name as STREAM FILE takes it (no extension).
 */
public interface TtsEngine {

    /** empty when the text cannot be synthesised now: the caller then hears the prompt-file version */
    Optional<String> synthesize(String text);
}
